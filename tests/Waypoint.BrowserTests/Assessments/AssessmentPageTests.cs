using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waypoint.BrowserTests.Infrastructure;
using Waypoint.Data.Organisations;
using Waypoint.Features.Questionnaires;
using Waypoint.Tests.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests.Assessments;

[Collection(BrowserCollection.Name)]
public sealed class AssessmentPageTests(WaypointServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<WaypointServer>
{
    private Questionnaire Questionnaire => Server.Services.GetQuestionnaire();

    [Fact]
    public Task A_new_user_answers_every_question_comes_back_submits_and_sees_the_documented_scores() => BrowseAsync(async page =>
    {
        var organisation = await Server.CreateOrganisationAsync();
        await page.SignInAsync(organisation.Admin);

        // Start from the organisation's assessments.
        await page.GotoAsync($"organisations/{organisation.OrganisationId}/assessments");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start this year's assessment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("assessment of");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var overviewUrl = page.Url;

        // General information: inputs by type, saved by the Save button.
        await page.GetByRole(AriaRole.Link, new() { Name = "General information", Exact = true }).ClickAsync();
        var profile = Questionnaire.Sections.Single(s => s.Kind == SectionKind.Profile);
        foreach (var question in profile.Questions)
        {
            var box = page.Locator($"fieldset[data-question='{question.Key}']");
            switch (question.Type)
            {
                case QuestionType.Number:
                    await box.GetByRole(AriaRole.Spinbutton).FillAsync(question.Unit == "FTE" ? "12.5" : "48000");
                    break;
                case QuestionType.SingleChoice:
                    await box.GetByRole(AriaRole.Radio).Last.CheckAsync();
                    break;
                case QuestionType.YesNo:
                    await box.GetByRole(AriaRole.Radio, new() { Name = "Yes" }).CheckAsync();
                    break;
                default:
                    await box.GetByRole(AriaRole.Textbox).FillAsync("Dutch and Frisian");
                    break;
            }
        }
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save General information" }).ClickAsync();
        await Expect(page.Locator(".notice-success")).ToContainTextAsync("General information");

        // Each topic: a click per question, saved as it is given; the page says so for each.
        for (var t = 0; t < Questionnaire.Topics.Length; t++)
        {
            var topic = Questionnaire.Topics[t];
            await page.GetByRole(AriaRole.Link, new() { Name = "Next: " + topic.Title }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(topic.Title);
            for (var i = 0; i < topic.Questions.Length; i++)
            {
                var box = page.Locator($"fieldset[data-question='{topic.Questions[i].Key}']");
                var level = AssessmentJourney.LevelFor(topic, t, i);
                await box.GetByLabel(level is { } l ? $"Level {l}" : "Don't know").CheckAsync();
            }
            foreach (var question in topic.Questions)
            {
                await Expect(page.Locator($"fieldset[data-question='{question.Key}'] [data-role=status]")).ToHaveTextAsync("Saved");
            }
            if (t == 0)
            {
                await page.GetByLabel("Note", new() { Exact = false }).First.FillAsync("Personas kept in the service manual.");
                await page.GetByLabel("Name of the solution").FillAsync("Service manual");
                await page.GetByLabel("Name of the solution").BlurAsync();
                await Expect(page.Locator("#good-practice [data-role=status]")).ToHaveTextAsync("Saved");
                await page.AssertNoSeriousAccessibilityViolationsAsync();
            }
        }

        // Leave, come back: everything is still there.
        await page.GotoAsync("/");
        await page.GotoAsync(overviewUrl);
        var total = Questionnaire.QuestionsByKey.Count;
        await Expect(page.GetByText($"{total} of {total} questions answered")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Questionnaire.Topics[0].Title, Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Level " + AssessmentJourney.LevelFor(Questionnaire.Topics[0], 0, 0)).First).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Name of the solution")).ToHaveValueAsync("Service manual");

        // Review, then submit with the confirmation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Review and submit" }).First.ClickAsync();
        await Expect(page.GetByText("Every required question is answered.")).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the assessment" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Tick the box");
        await page.GetByLabel("I confirm that these answers are final", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the assessment" }).ClickAsync();

        // The results equal the documented formula applied to the answers given above.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Results of the");
        await Expect(page.GetByText("is submitted. These are its results.")).ToBeVisibleAsync();
        var expected = AssessmentJourney.ExpectedScores(Questionnaire, AssessmentJourney.LevelFor);
        await Expect(page.GetByTestId("overall-score")).ToHaveTextAsync(expected.Overall);
        await Expect(page.GetByTestId("overall-level")).ToHaveTextAsync(expected.Level);
        await Expect(page.GetByText($"The mean of the {expected.TopicsCovered} topics that have a score, out of 7.")).ToBeVisibleAsync();
        foreach (var (key, score) in expected.TopicScores)
        {
            await Expect(page.Locator($"tr[data-topic='{key}'] [data-testid=topic-score]")).ToHaveTextAsync(score);
        }
        await Expect(page.Locator("#results-chart")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => !!window.Chart && Object.keys(window.Chart.instances).length === 1"), "The radar chart was not drawn.");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Submitted: the section pages show the answers, without a form.
        await page.GotoAsync(overviewUrl);
        await Expect(page.GetByText("It can no longer change.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Questionnaire.Topics[1].Title, Exact = true }).ClickAsync();
        await Expect(page.Locator("form.assessment-form")).ToHaveCountAsync(0);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GotoAsync("assessments/scoring");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    });

    [Fact]
    public Task The_whole_assessment_is_answered_with_the_keyboard_alone() => BrowseAsync(async page =>
    {
        var organisation = await Server.CreateOrganisationAsync();
        await page.SignInAsync(organisation.Admin);
        await page.GotoAsync($"organisations/{organisation.OrganisationId}/assessments");
        var keyboard = page.Keyboard;

        await TabToAsync(page, "button[value=false]");
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("assessment of");
        await TabToAsync(page, "a[href$='/topics/general']");
        await keyboard.PressAsync("Enter");

        foreach (var section in Questionnaire.Sections)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(section.Title);
            for (var i = 0; i < section.Questions.Length; i++)
            {
                var question = section.Questions[i];
                var box = $"fieldset[data-question='{question.Key}']";
                switch (question.Type)
                {
                    case QuestionType.Scale:
                        // Into the group of radio buttons: Space picks the first level, arrows move the choice.
                        await TabToAsync(page, $"{box} input[type=radio]");
                        await keyboard.PressAsync("Space");
                        var target = i % 3 == 2 ? 6 : 1 + (i % 5);
                        for (var step = 1; step < target; step++) await keyboard.PressAsync("ArrowDown");
                        if (i == 0)
                        {
                            await keyboard.PressAsync("Tab");
                            await keyboard.TypeAsync("Typed without a mouse.");
                        }
                        break;
                    case QuestionType.Number:
                        await TabToAsync(page, $"{box} input[type=number]");
                        await keyboard.TypeAsync("3000");
                        break;
                    case QuestionType.SingleChoice or QuestionType.YesNo:
                        await TabToAsync(page, $"{box} input[type=radio]");
                        await keyboard.PressAsync("Space");
                        await keyboard.PressAsync("ArrowDown");
                        break;
                    default:
                        await TabToAsync(page, $"{box} input[type=text]");
                        await keyboard.TypeAsync("Estonian");
                        break;
                }
            }
            await TabToAsync(page, "form.assessment-form button[type=submit]");
            await keyboard.PressAsync("Enter");
            await Expect(page.Locator(".notice-success")).ToContainTextAsync(section.Title);
            await TabToAsync(page, "a[rel=next], .section-pager a[href$='/review']");
            await keyboard.PressAsync("Enter");
        }

        await Expect(page.GetByText("Every required question is answered.")).ToBeVisibleAsync();
        await TabToAsync(page, "#Confirm");
        await keyboard.PressAsync("Space");
        await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Results of the");
        await Expect(page.GetByTestId("overall-score")).Not.ToHaveTextAsync("No score yet");
        var note = await Server.WithDbAsync(db => db.Answers.Where(a => a.Note != null).Select(a => a.Note).ToListAsync());
        Assert.Equal(Questionnaire.Topics.Length, note.Count(n => n == "Typed without a mouse."));
    });

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>, as a keyboard user moves on.</summary>
    private static async Task TabToAsync(IPage page, string selector, int limit = 150)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}.");
    }
}
