using System.Globalization;
using Microsoft.Playwright;
using Waypoint.Features.Questionnaires;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.BrowserTests.Assessments;

/// <summary>What the assessment browser tests share: signing in, the answers they give, and the scores those answers
/// must produce by the documented formula (docs/scoring.md), computed here independently of the application.</summary>
internal static class AssessmentJourney
{
    /// <summary>Signs the browser context in with the account's session cookie, as the sign-in form would.</summary>
    public static async Task SignInAsync(this IPage page, TestUser user)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/v1/auth/login?useCookies=true",
            new() { DataObject = new { email = user.Email, password = user.Password } });
        Assert.True(response.Ok, $"Signing in answered {response.Status}.");
    }

    /// <summary>The answer the tests give to a topic question: a level 1–5, or null for "don't know". Networking gets
    /// mostly "don't know", so that it ends with too few answers for a score.</summary>
    public static int? LevelFor(Section topic, int topicIndex, int questionIndex)
    {
        if (topic.Key == "networking") return questionIndex < 2 ? 4 : null;
        if (questionIndex % 4 == 3) return null;
        return 1 + ((topicIndex + (questionIndex * 2)) % 5);
    }

    public sealed record Expected(IReadOnlyDictionary<string, string> TopicScores, string Overall, string Level, int TopicsCovered);

    /// <summary>Scores by the documented formula: a topic is the mean of (level − 1) × 25 over its answers with a level,
    /// when at least half of its questions have one; the overall score is the mean of the topic scores; one decimal,
    /// halves away from zero; bands of 20 from Starting to Leading.</summary>
    public static Expected ExpectedScores(Questionnaire questionnaire, Func<Section, int, int, int?> levelOf)
    {
        var topics = new Dictionary<string, string>();
        var scores = new List<decimal>();
        for (var t = 0; t < questionnaire.Topics.Length; t++)
        {
            var topic = questionnaire.Topics[t];
            var levels = topic.Questions.Select((q, i) => levelOf(topic, t, i)).Where(l => l is not null).Select(l => l!.Value).ToList();
            if (levels.Count == 0 || levels.Count * 2 < topic.Questions.Length)
            {
                topics[topic.Key] = "—";
                continue;
            }
            var score = levels.Sum(l => (l - 1) * 25m) / levels.Count;
            scores.Add(score);
            topics[topic.Key] = Format(score);
        }
        var overall = scores.Sum() / scores.Count;
        var band = overall >= 80 ? "Leading" : overall >= 60 ? "Advanced" : overall >= 40 ? "Established" : overall >= 20 ? "Developing" : "Starting";
        return new Expected(topics, Format(overall), band, scores.Count);
    }

    private static string Format(decimal score) =>
        Math.Round(score, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.GetCultureInfo("en-GB"));
}
