using System.Net;
using System.Text.RegularExpressions;

namespace Waypoint.Tests.Infrastructure;

/// <summary>Posts a page's form as a browser would: reads the antiforgery token from a page the client can open,
/// then sends the fields with it, using the client's cookies.</summary>
public static partial class OrganisationForms
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The antiforgery token of the first form on <paramref name="pageUrl"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var response = await client.GetAsync(pageUrl);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)response.StatusCode}; a form needs a page that opens.");
        var html = await response.Content.ReadAsStringAsync();
        var input = TokenInput().Match(html);
        Assert.True(input.Success, $"{pageUrl} has no form with an antiforgery token.");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
    }

    /// <summary>GETs <paramref name="pageUrl"/> for its token, then POSTs <paramref name="fields"/> to <paramref name="postUrl"/>
    /// (the same page when null). A form for a page the client cannot open takes its token from <paramref name="tokenFrom"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields,
        string? postUrl = null, string? tokenFrom = null)
    {
        var token = await client.AntiforgeryTokenAsync(tokenFrom ?? pageUrl);
        var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>(TokenField, token)));
        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
