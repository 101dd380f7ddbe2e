using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// Submits a page's form as a browser would: GET the page, take the form's fields as rendered (hidden ones such as
/// <c>__RequestVerificationToken</c> and <c>ReturnUrl</c> included), change the ones given, POST it back to the
/// form's action with the client's cookies. Use a client that keeps cookies (the factory's clients do).
/// </summary>
public sealed class FormPoster(HttpClient client)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    /// <summary>GETs <paramref name="pageUrl"/>, fills the form matched by <paramref name="formSelector"/> (by default the
    /// first POST form inside &lt;main&gt;, which skips the layout's sign-out form) and posts it.</summary>
    /// <param name="fields">Values by field name; they replace the rendered values of that name. A null value removes the field.
    /// Give one name several times for several values (checkboxes).</param>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IEnumerable<KeyValuePair<string, string?>> fields, string? formSelector = null)
    {
        using var page = await client.GetAsync(pageUrl);
        if (page.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.StatusCode}, not 200: cannot fill its form.");
        var document = await ParseAsync(page);
        return await SubmitAsync(document, pageUrl, fields, formSelector);
    }

    public Task<HttpResponseMessage> SubmitAsync(string pageUrl, params (string Name, string? Value)[] fields) =>
        SubmitAsync(pageUrl, fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    /// <summary>Posts a form of a page already fetched (for example one returned with errors).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument document, string pageUrl, IEnumerable<KeyValuePair<string, string?>> fields, string? formSelector = null)
    {
        var form = document.QuerySelector(formSelector ?? "main form[method=post]") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matches '{formSelector ?? "main form[method=post]"}' on {pageUrl}.");
        var values = FieldsOf(form);
        foreach (var group in fields.GroupBy(f => f.Key, StringComparer.Ordinal))
        {
            values.RemoveAll(v => v.Key == group.Key);
            values.AddRange(group.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!)));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : WebUtility.HtmlDecode(action);
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(target, content);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The name/value pairs a browser would send for the form as rendered, before anyone types.</summary>
    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values.Add(KeyValuePair.Create(name, input.GetAttribute("value") ?? "on"));
                    break;
                case IHtmlInputElement input:
                    values.Add(KeyValuePair.Create(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (option is not null) values.Add(KeyValuePair.Create(name, option.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    values.Add(KeyValuePair.Create(name, textArea.Value));
                    break;
            }
        }
        return values;
    }
}
