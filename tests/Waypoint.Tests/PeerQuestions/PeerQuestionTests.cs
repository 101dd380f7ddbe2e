using System.Net;
using System.Net.Http.Json;
using Waypoint.Data.Organisations;
using Waypoint.Data.PeerQuestions;
using Waypoint.Features.PeerQuestions;
using Waypoint.Tests.Accounts;
using Waypoint.Tests.Assessments;
using Waypoint.Tests.GoodPractices;
using Waypoint.Tests.Infrastructure;
using Waypoint.Tests.Organisations;

namespace Waypoint.Tests.PeerQuestions;

public sealed class PeerQuestionTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 600)]}");
        return html;
    }

    private static object Question(string title = "How did you staff your data office?", string body = "We are a town of 8,000 and have one person.") =>
        new { topicKey = "data_management", title, body };

    [Fact]
    public async Task A_member_asks_a_member_of_another_organisation_answers_and_the_asker_gets_an_email_with_a_link()
    {
        var asking = await factory.CreateOrganisationAsync();
        var answering = await factory.CreateOrganisationAsync();
        using var asker = await factory.CreateApiClientAsync(asking.Admin);
        using var peer = await factory.CreateApiClientAsync(answering.Admin);

        var asked = await asker.PostAsJsonAsync("/api/v1/questions", Question());
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var question = await asked.ReadAsync<QuestionDto>();
        var answered = await peer.PostAsJsonAsync($"/api/v1/questions/{question.Id}/answers", new { body = "We shared one with two neighbours." });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);

        var email = await factory.LastMessageToAsync(asking.Admin.Email);
        Assert.Contains("How did you staff your data office?", email.Subject, StringComparison.Ordinal);
        Assert.Equal($"/questions/{question.Id}", email.LinkTo("/questions/").AbsolutePath);
        var read = await peer.GetFromJsonAsync<QuestionDto>($"/api/v1/questions/{question.Id}", OrganisationScenario.Json);
        var answer = Assert.Single(read!.Answers);
        Assert.Equal(answering.AuthorityName, answer.AuthorityName);
        var listed = await peer.GetFromJsonAsync<QuestionResults>("/api/v1/questions?topic=data_management", OrganisationScenario.Json);
        Assert.Contains(listed!.Items, q => q.Id == question.Id && q.AnswerCount == 1);
        var otherTopic = await peer.GetFromJsonAsync<QuestionResults>("/api/v1/questions?topic=governance", OrganisationScenario.Json);
        Assert.DoesNotContain(otherTopic!.Items, q => q.Id == question.Id);
    }

    [Fact]
    public async Task Members_of_the_askers_organisation_and_people_without_one_cannot_answer_or_ask()
    {
        var asking = await factory.CreateOrganisationAsync();
        var colleague = await factory.AddMemberAsync(asking.OrganisationId, OrganisationRole.Contributor);
        using var asker = await factory.CreateApiClientAsync(asking.Admin);
        var question = await (await asker.PostAsJsonAsync("/api/v1/questions", Question())).ReadAsync<QuestionDto>();
        using var colleagueApi = await factory.CreateApiClientAsync(colleague);
        using var loner = await factory.CreateApiClientAsync(await factory.CreateUserAsync());
        var before = await factory.ShareSnapshotAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await asker.PostAsJsonAsync($"/api/v1/questions/{question.Id}/answers", new { body = "Self-answer." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleagueApi.PostAsJsonAsync($"/api/v1/questions/{question.Id}/answers", new { body = "Colleague." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await loner.PostAsJsonAsync($"/api/v1/questions/{question.Id}/answers", new { body = "Loner." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await loner.PostAsJsonAsync("/api/v1/questions", Question())).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/questions")).StatusCode);
        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "A body.", "title")]
    [InlineData("A question?", "See <a href=\"https://evil.example\">this</a>", "body")]
    [InlineData("A question?", "TOO_LONG", "body")]
    [InlineData("", "A body.", "title")]
    public async Task Questions_with_markup_or_oversized_or_missing_text_are_refused_and_nothing_is_stored(string title, string body, string field)
    {
        var asking = await factory.CreateOrganisationAsync();
        using var asker = await factory.CreateApiClientAsync(asking.Admin);
        var before = await factory.ShareSnapshotAsync();

        var response = await asker.PostAsJsonAsync("/api/v1/questions",
            Question(title, body == "TOO_LONG" ? new string('x', PeerQuestion.BodyMaxLength + 1) : body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await factory.ShareSnapshotAsync());
    }

    [Fact]
    public async Task An_answer_with_a_script_is_refused_and_the_asker_gets_no_email()
    {
        var asking = await factory.CreateOrganisationAsync();
        var answering = await factory.CreateOrganisationAsync();
        using var asker = await factory.CreateApiClientAsync(asking.Admin);
        using var peer = await factory.CreateApiClientAsync(answering.Admin);
        var question = await (await asker.PostAsJsonAsync("/api/v1/questions", Question())).ReadAsync<QuestionDto>();
        var before = await factory.ShareSnapshotAsync();

        var response = await peer.PostAsJsonAsync($"/api/v1/questions/{question.Id}/answers", new { body = "<iframe src=//evil>" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.ShareSnapshotAsync());
        Assert.Empty(await factory.MessagesToAsync(asking.Admin.Email));
    }

    [Fact]
    public async Task Asking_and_answering_work_through_the_pages_and_the_topic_page_lists_the_question()
    {
        var asking = await factory.CreateOrganisationAsync();
        var answering = await factory.CreateOrganisationAsync();
        using var asker = await factory.CreateBrowserClientAsync(asking.Admin);
        using var peer = await factory.CreateBrowserClientAsync(answering.Admin);

        var asked = await new FormPoster(asker).SubmitAsync("/questions/ask?topic=interoperability",
            ("Title", "Which API gateway do you use?"), ("Body", "We compare three."));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var questionPage = asked.RedirectTarget()!;
        Assert.StartsWith("/questions/", questionPage, StringComparison.Ordinal);
        Assert.Contains("Which API gateway do you use?", await HtmlAsync(await peer.GetAsync("/questions?topic=interoperability")), StringComparison.Ordinal);

        var refused = await new FormPoster(peer).SubmitAsync(questionPage, ("Body", "<script>x</script>"));
        Assert.Contains("class=\"error-summary\"", await HtmlAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var answered = await new FormPoster(peer).SubmitAsync(questionPage, ("Body", "An open-source one, run by our region."));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("An open-source one, run by our region.", await HtmlAsync(await asker.GetAsync(questionPage)), StringComparison.Ordinal);
        Assert.Single(await factory.MessagesToAsync(asking.Admin.Email));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_from_the_question_pages()
    {
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/questions");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/accounts/signin", response.RedirectTarget(), StringComparison.Ordinal);
    }
}
