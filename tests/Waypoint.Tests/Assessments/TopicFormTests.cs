using System.Net;
using System.Text.RegularExpressions;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Assessments;

/// <summary>The section form without JavaScript: one POST saves the changed answers, then the page comes back.</summary>
public sealed partial class TopicFormTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task Saving_the_form_writes_the_chosen_answers_and_redirects_back_with_a_notice()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(team.Contributor);
        var url = $"/assessments/{assessment.Id}/topics/governance";
        var form = await ReadFormAsync(browser, url);
        Set(form, "governance.digital_strategy", "Choice", "4");
        Set(form, "governance.digital_strategy", "Note", "Adopted by the council in 2024.");
        Set(form, "governance.digital_strategy", "EvidenceUrl", "https://example.eu/strategy.pdf");
        Set(form, "governance.leadership", "Choice", "dont_know");
        Set(form, "governance.funding", "Choice", "not_applicable");

        var response = await browser.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith(url, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = await browser.GetStringAsync(url);
        Assert.Contains("Saved 3 answer(s) in Governance.", page, StringComparison.Ordinal);
        var stored = await team.ViewerApi.GetAssessmentAsync(assessment.Id);
        Assert.Equal(4, stored.FindAnswer("governance.digital_strategy")!.Level);
        Assert.Equal("https://example.eu/strategy.pdf", stored.FindAnswer("governance.digital_strategy")!.EvidenceUrl);
        Assert.Equal("dont_know", stored.FindAnswer("governance.leadership")!.Choice);
        Assert.Equal("not_applicable", stored.FindAnswer("governance.funding")!.Choice);
        Assert.Equal(3, stored.Answers.Count);
        Assert.Matches("<input type=\"radio\" id=\"q-governance-digital_strategy-level-4\"[^>]*checked", page);
    }

    [Fact]
    public async Task Saving_again_without_changes_writes_nothing()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerAsync(assessment.Id, "technology.cloud", new { level = 3, note = "Hybrid.", version = 0 });
        using var browser = await factory.CreateBrowserClientAsync(team.Contributor);
        var url = $"/assessments/{assessment.Id}/topics/technology";
        var before = await factory.AssessmentSnapshotAsync();

        var response = await browser.PostFormAsync(url, await ReadFormAsync(browser, url));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task A_stale_answer_is_not_saved_the_newer_one_is_shown_and_the_persons_input_stays_in_the_form()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(team.Contributor);
        var url = $"/assessments/{assessment.Id}/topics/data_management";
        var form = await ReadFormAsync(browser, url);
        // While the contributor is answering, the admin answers two questions: one the contributor changes too, one they leave alone.
        await team.AdminApi.AnswerAsync(assessment.Id, "data_management.open_data", new { level = 5, note = "Portal with 300 datasets.", version = 0 });
        await team.AdminApi.AnswerAsync(assessment.Id, "data_management.data_quality", new { level = 2, version = 0 });
        Set(form, "data_management.open_data", "Choice", "2");
        Set(form, "data_management.open_data", "Note", "Only a few files online.");
        Set(form, "data_management.data_inventory", "Choice", "3");

        var response = await browser.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Portal with 300 datasets.", page, StringComparison.Ordinal);
        Assert.Contains("Only a few files online.", page, StringComparison.Ordinal);
        Assert.Matches("id=\"q-data_management-open_data-level-2\"[^>]*checked", page);
        Assert.Contains("href=\"#q-data_management-open_data\"", page, StringComparison.Ordinal);
        var stored = await team.ViewerApi.GetAssessmentAsync(assessment.Id);
        Assert.Equal(5, stored.FindAnswer("data_management.open_data")!.Level);
        Assert.Equal(2, stored.FindAnswer("data_management.data_quality")!.Level);
        Assert.Equal(3, stored.FindAnswer("data_management.data_inventory")!.Level);

        // Saving the form as shown again keeps the person's answer, knowingly.
        var again = await browser.PostFormAsync(url, ReadForm(page));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var final = await team.ViewerApi.GetAssessmentAsync(assessment.Id);
        Assert.Equal(2, final.FindAnswer("data_management.open_data")!.Level);
        Assert.Equal(2, final.FindAnswer("data_management.data_quality")!.Level);
    }

    [Fact]
    public async Task An_invalid_field_stores_nothing_and_the_error_links_to_the_field_with_the_input_kept()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(team.Contributor);
        var url = $"/assessments/{assessment.Id}/topics/networking";
        var form = await ReadFormAsync(browser, url);
        Set(form, "networking.peer_exchange", "Choice", "3");
        Set(form, "networking.networks", "Choice", "4");
        Set(form, "networking.networks", "EvidenceUrl", "javascript:alert(1)");
        Set(form, "networking.living_labs", "Note", "A note without an answer.");
        var before = await factory.AssessmentSnapshotAsync();

        var response = await browser.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#q-networking-networks-url\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#q-networking-living_labs-level-1\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"javascript:alert(1)\"", page, StringComparison.Ordinal);
        Assert.Contains("A note without an answer.", page, StringComparison.Ordinal);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task The_general_information_form_takes_values_by_type()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(team.Contributor);
        var url = $"/assessments/{assessment.Id}/topics/general";
        var form = await ReadFormAsync(browser, url);
        Set(form, "general.population_served", "Value", "48000");
        Set(form, "general.authority_type", "Value", "city");
        Set(form, "general.service_languages", "Value", "Dutch, French");

        var response = await browser.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await team.ViewerApi.GetAssessmentAsync(assessment.Id);
        Assert.Equal("48000", stored.FindAnswer("general.population_served")!.Value);
        Assert.Equal("city", stored.FindAnswer("general.authority_type")!.Value);
        Assert.Equal("Dutch, French", stored.FindAnswer("general.service_languages")!.Value);
    }

    [Fact]
    public async Task A_viewer_sees_the_answers_without_a_form_and_cannot_post_one()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        await team.ContributorApi.AnswerAsync(assessment.Id, "technology.cloud", new { level = 3, version = 0 });
        using var contributor = await factory.CreateBrowserClientAsync(team.Contributor);
        using var viewer = await factory.CreateBrowserClientAsync(team.Viewer);
        var url = $"/assessments/{assessment.Id}/topics/technology";
        var form = await ReadFormAsync(contributor, url);
        Set(form, "technology.cloud", "Choice", "5");
        var before = await factory.AssessmentSnapshotAsync();

        var page = await viewer.GetStringAsync(url);
        var response = await viewer.PostFormAsync(url, form, tokenFrom: $"/organisations/{team.OrganisationId}");

        Assert.DoesNotContain("<form method=\"post\" class=\"assessment-form\"", page, StringComparison.Ordinal);
        Assert.Contains("Level 3:", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await factory.AssessmentSnapshotAsync());
    }

    [Fact]
    public async Task Under_a_language_prefix_every_link_the_form_and_the_autosave_address_keep_the_language()
    {
        using var team = await factory.CreateTeamAsync();
        var assessment = await team.ContributorApi.StartAsync(team.OrganisationId);
        using var browser = await factory.CreateBrowserClientAsync(team.Contributor);
        var url = $"/de/assessments/{assessment.Id}/topics/governance";

        var page = await browser.GetStringAsync(url);
        var form = ReadForm(page);
        Set(form, "governance.skills", "Choice", "2");
        var response = await browser.PostFormAsync(url, form);

        Assert.Contains("<html lang=\"de\">", page, StringComparison.Ordinal);
        Assert.Contains($"data-api=\"/de/api/v1/assessments/{assessment.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/de/assessments/{assessment.Id}/review\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/assessments/", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
    }

    /// <summary>The fields the form would send as it is shown: hidden inputs, checked radios, text inputs and text areas.</summary>
    private static async Task<List<(string Name, string Value)>> ReadFormAsync(HttpClient client, string url) =>
        ReadForm(await client.GetStringAsync(url));

    private static List<(string Name, string Value)> ReadForm(string html)
    {
        var start = html.IndexOf("class=\"assessment-form\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no section form.");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new List<(string, string)>();
        foreach (Match input in InputTag().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || name == OrganisationForms.TokenField) continue;
            var type = Attribute(tag, "type") ?? "text";
            if (type == "radio" && !tag.Contains(" checked", StringComparison.Ordinal)) continue;
            fields.Add((name, Attribute(tag, "value") ?? ""));
        }
        foreach (Match area in TextArea().Matches(form))
        {
            fields.Add((Attribute(area.Value, "name")!, WebUtility.HtmlDecode(area.Groups[1].Value)));
        }
        return fields;
    }

    /// <summary>Sets the field of one question, found through its hidden Key field.</summary>
    private static void Set(List<(string Name, string Value)> form, string questionKey, string field, string value)
    {
        var key = form.Single(f => f.Name.EndsWith(".Key", StringComparison.Ordinal) && f.Value == questionKey).Name;
        var name = key[..^".Key".Length] + "." + field;
        form.RemoveAll(f => f.Name == name);
        form.Add((name, value));
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("<textarea\\b[^>]*>([^<]*)</textarea>")]
    private static partial Regex TextArea();
}
