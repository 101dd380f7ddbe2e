using Waypoint.Data.Authorities;
using Waypoint.Features.Questionnaires;
using Waypoint.Features.Synthetic;

namespace Waypoint.Tests.Synthetic;

/// <summary>The made-up maturity behaves as docs/synthetic.md says, on average over many generated authorities.</summary>
public sealed class SyntheticModelTests
{
    private static readonly Questionnaire Shipped =
        QuestionnaireCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Content", "questionnaire")).Current!;

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static SyntheticModel Model(ulong seed = 42) => new(Shipped, seed, 2024, 2026, Now);

    private static IEnumerable<SyntheticAuthority> Municipalities(string country, long population, int count = 400) =>
        Enumerable.Range(1, count).Select(i => new SyntheticAuthority(i, $"{country}_{population}_{i}", AuthorityType.Municipality, null, country, country + "123", population));

    private static double MeanOverall(IEnumerable<SyntheticAuthority> authorities, int roundIndex = 0, SyntheticModel? model = null)
    {
        model ??= Model();
        return authorities.Select(a => model.Generate(a).Assessments[roundIndex].Entry.Overall ?? 0).Average();
    }

    [Fact]
    public void The_same_seed_gives_the_same_answers_and_another_seed_other_ones()
    {
        var authority = Municipalities("AT", 12_000, 1).Single();
        static string Answers(SyntheticOrganisation o) => string.Join("|", o.Assessments.SelectMany(a => a.Answers).Select(a => $"{a.Choice}{a.Level}{a.Value}"));

        Assert.Equal(Answers(Model(42).Generate(authority)), Answers(Model(42).Generate(authority)));
        Assert.NotEqual(Answers(Model(42).Generate(authority)), Answers(Model(43).Generate(authority)));
    }

    [Fact]
    public void Bigger_municipalities_are_more_mature_on_average() =>
        Assert.True(MeanOverall(Municipalities("FR", 250_000)) > MeanOverall(Municipalities("FR", 400)) + 5);

    [Fact]
    public void Countries_differ_by_their_made_up_base() =>
        Assert.True(MeanOverall(Municipalities("DK", 5_000)) > MeanOverall(Municipalities("RO", 5_000)) + 10);

    [Fact]
    public void Authorities_progress_a_little_on_average_between_rounds_and_some_decline()
    {
        var organisations = Municipalities("PT", 8_000).Select(Model().Generate).ToList();
        var changes = organisations.Select(o => (o.Assessments[2].Entry.Overall ?? 0) - (o.Assessments[0].Entry.Overall ?? 0)).ToList();

        Assert.InRange(changes.Average(), 1.0, 15.0);
        Assert.Contains(changes, c => c < 0);
    }

    [Fact]
    public void Topics_differ_by_their_offsets()
    {
        var topics = Municipalities("ES", 20_000).Select(Model().Generate)
            .SelectMany(o => o.Assessments[0].Entry.TopicScores)
            .GroupBy(s => s.TopicKey).ToDictionary(g => g.Key, g => g.Average(s => s.Score));

        Assert.True(topics["technology"] > topics["interoperability"] + 5);
    }

    [Fact]
    public void Every_question_gets_an_answer_its_type_accepts_and_a_few_are_dont_know_or_not_applicable()
    {
        var answers = Municipalities("IT", 3_000, 100).Select(Model().Generate).SelectMany(o => o.Assessments).SelectMany(a => a.Answers).ToList();
        var byKey = answers.GroupBy(a => a.QuestionKey).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(Shipped.QuestionsByKey.Keys.Order(), byKey.Keys.Order());
        foreach (var question in Shipped.QuestionsByKey.Values)
        {
            foreach (var answer in byKey[question.Key])
            {
                if (question.Scored) Assert.True(answer.Choice != Data.Assessments.AnswerChoice.Value && answer.Level is null or (>= 1 and <= 5));
                else if (question.Type == QuestionType.SingleChoice) Assert.Contains(answer.Value, question.Options.Select(o => o.Key));
                else if (question.Type == QuestionType.Number) Assert.True(decimal.TryParse(answer.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= (question.Min ?? 0));
                else Assert.False(string.IsNullOrWhiteSpace(answer.Value));
            }
        }
        var scored = answers.Where(a => a.Choice != Data.Assessments.AnswerChoice.Value).ToList();
        var unsure = scored.Count(a => a.Level is null) / (double)scored.Count;
        Assert.InRange(unsure, 0.02, 0.10);
    }

    [Fact]
    public void A_slice_is_the_same_for_the_same_seed_and_about_the_size_asked_for()
    {
        var codes = Enumerable.Range(0, 20_000).Select(i => $"XX_{i}").ToList();
        var slice = codes.Where(c => SyntheticModel.InSlice(42, c, 0.05)).ToList();

        Assert.InRange(slice.Count, 800, 1200);
        Assert.Equal(slice, codes.Where(c => SyntheticModel.InSlice(42, c, 0.05)));
    }
}
