using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.Organisations;
using Waypoint.Features.Assessments;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Synthetic;

/// <summary>An authority of the directory as the generator needs it.</summary>
internal sealed record SyntheticAuthority(int Id, string Code, AuthorityType Type, int? NutsLevel, string CountryCode, string? NutsCode, long? Population);

/// <summary>One generated answer, as it is stored.</summary>
internal readonly record struct SyntheticAnswer(string QuestionKey, AnswerChoice Choice, int? Level, string? Value);

/// <summary>One generated, submitted assessment with its answers (in questionnaire order) and the benchmark entry the
/// real scorer gives them.</summary>
internal sealed record SyntheticAssessment(
    Guid Id, int Round, DateTimeOffset CreatedAt, DateTimeOffset SubmittedAt, Guid? CopiedFromId, SyntheticAnswer[] Answers, BenchmarkEntry Entry);

internal sealed record SyntheticOrganisation(
    Guid Id, SyntheticAuthority Authority, LivingInEuStatus LivingInEu, bool ResultsPublished, DateTimeOffset CreatedAt,
    IReadOnlyList<SyntheticAssessment> Assessments);

/// <summary>
/// Makes up plausible assessments for an authority (docs/synthetic.md). Pure and deterministic: the same seed,
/// questionnaire, rounds and authority give the same answers and scores; only the dates of the current round depend
/// on <c>now</c>, so that nothing is submitted in the future.
/// <para>The answers of a question are a rounded latent maturity on the 1–5 scale: a made-up base per country, plus
/// an effect of size (bigger authorities are more mature on average), an offset per topic, noise per authority, per
/// topic and per question that persists from round to round, a drift between rounds (a small rise on average, a
/// decline for some), and a little noise per round; a few answers are "don't know" or "not applicable".</para>
/// </summary>
internal sealed class SyntheticModel
{
    /// <summary>Who answered, in the assessment and answer rows: no account has this id, so pages show "a former member".</summary>
    public const string AuthorId = "synthetic";

    /// <summary>
    /// The centre of each country's latent maturity (1–5). MADE UP for demonstrations: an ordering loosely in the
    /// spirit of published e-government rankings, compressed to a plausible spread; it measures nothing and must never
    /// be read as a statement about any country.
    /// </summary>
    public static readonly FrozenDictionary<string, double> CountryBase = new Dictionary<string, double>
    {
        ["DK"] = 3.25,
        ["EE"] = 3.20,
        ["FI"] = 3.20,
        ["NL"] = 3.10,
        ["SE"] = 3.05,
        ["MT"] = 3.00,
        ["LU"] = 2.95,
        ["LT"] = 2.90,
        ["LV"] = 2.85,
        ["ES"] = 2.85,
        ["IE"] = 2.80,
        ["AT"] = 2.80,
        ["PT"] = 2.75,
        ["FR"] = 2.70,
        ["BE"] = 2.65,
        ["SI"] = 2.60,
        ["DE"] = 2.55,
        ["IT"] = 2.50,
        ["PL"] = 2.45,
        ["CZ"] = 2.45,
        ["HR"] = 2.40,
        ["CY"] = 2.35,
        ["HU"] = 2.30,
        ["SK"] = 2.30,
        ["EL"] = 2.20,
        ["BG"] = 2.10,
        ["RO"] = 2.00,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Made-up offsets per topic: technology and delivery ahead, interoperability and data behind.</summary>
    public static readonly FrozenDictionary<string, double> TopicOffset = new Dictionary<string, double>
    {
        ["service_design"] = -0.10,
        ["governance"] = 0.15,
        ["data_management"] = -0.20,
        ["interoperability"] = -0.30,
        ["technology"] = 0.25,
        ["service_delivery"] = 0.20,
        ["networking"] = 0.0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const double DefaultCountryBase = 2.6;
    private const double AuthoritySpread = 0.45;
    private const double TopicSpread = 0.30;
    private const double QuestionSpread = 0.55;
    private const double RoundSpread = 0.30;
    private const double MeanProgress = 0.12;
    private const double ProgressSpread = 0.18;
    private const double NotApplicableShare = 0.02;

    /// <summary>Official languages of service per country (English names), for the profile question on languages.</summary>
    private static readonly FrozenDictionary<string, string[]> Languages = new Dictionary<string, string[]>
    {
        ["AT"] = ["German"],
        ["BE"] = ["Dutch", "French", "German"],
        ["BG"] = ["Bulgarian"],
        ["CY"] = ["Greek", "Turkish"],
        ["CZ"] = ["Czech"],
        ["DE"] = ["German"],
        ["DK"] = ["Danish"],
        ["EE"] = ["Estonian"],
        ["EL"] = ["Greek"],
        ["ES"] = ["Spanish"],
        ["FI"] = ["Finnish", "Swedish"],
        ["FR"] = ["French"],
        ["HR"] = ["Croatian"],
        ["HU"] = ["Hungarian"],
        ["IE"] = ["English", "Irish"],
        ["IT"] = ["Italian"],
        ["LT"] = ["Lithuanian"],
        ["LU"] = ["Luxembourgish", "French", "German"],
        ["LV"] = ["Latvian"],
        ["MT"] = ["Maltese", "English"],
        ["NL"] = ["Dutch"],
        ["PL"] = ["Polish"],
        ["PT"] = ["Portuguese"],
        ["RO"] = ["Romanian"],
        ["SE"] = ["Swedish"],
        ["SI"] = ["Slovenian"],
        ["SK"] = ["Slovak"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] SmallNetworks = ["A national association of municipalities", "A regional association of municipalities", "None"];
    private static readonly string[] LargeNetworks =
        ["A European network of cities; a national association of cities", "A national smart-city network", "A regional digital innovation hub"];

    private readonly Questionnaire _questionnaire;
    private readonly ulong _seed;
    private readonly int _firstRound;
    private readonly int _lastRound;
    private readonly DateTimeOffset _now;
    private readonly Question[] _questions;
    private readonly double[] _topicOffsets;
    private readonly int[] _topicOf;

    public SyntheticModel(Questionnaire questionnaire, ulong seed, int firstRound, int lastRound, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstRound, lastRound);
        _questionnaire = questionnaire;
        _seed = seed;
        _firstRound = firstRound;
        _lastRound = lastRound;
        _now = now.ToUniversalTime();
        _questions = [.. questionnaire.Sections.SelectMany(s => s.Questions)];
        var topics = questionnaire.Topics.Select(t => t.Key).ToList();
        _topicOf = [.. _questions.Select(q => topics.IndexOf(q.SectionKey))];
        _topicOffsets = [.. topics.Select(t => TopicOffset.GetValueOrDefault(t))];
    }

    /// <summary>Every question of the questionnaire, in order: the answers of each assessment follow it.</summary>
    public IReadOnlyList<Question> Questions => _questions;

    /// <summary>Whether an authority belongs to a slice of <paramref name="fraction"/> of the directory: decided by a
    /// hash of its code and the seed, so the same slice comes back every time.</summary>
    public static bool InSlice(ulong seed, string code, double fraction) =>
        fraction >= 1.0 || SyntheticRandom.Hash(seed, code, salt: 1) < fraction * ulong.MaxValue;

    public SyntheticOrganisation Generate(SyntheticAuthority authority)
    {
        var random = new SyntheticRandom(SyntheticRandom.Hash(_seed, authority.Code));
        var population = authority.Population ?? (long)(500 + (random.NextDouble() * 4500));
        var maturity = CountryBase.GetValueOrDefault(authority.CountryCode, DefaultCountryBase)
            + SizeEffect(authority, population)
            + random.NextGaussian(0, AuthoritySpread);
        var topicNoise = new double[_topicOffsets.Length];
        for (var t = 0; t < topicNoise.Length; t++) topicNoise[t] = _topicOffsets[t] + random.NextGaussian(0, TopicSpread);
        var questionNoise = new double[_questions.Length];
        for (var q = 0; q < questionNoise.Length; q++) questionNoise[q] = random.NextGaussian(0, QuestionSpread);
        // Small authorities more often cannot say.
        var dontKnowShare = population < 5_000 ? 0.04 : 0.02;

        var isLarge = population >= 100_000 || authority.Type != AuthorityType.Municipality;
        var livingInEu = LivingInEu(ref random, population, authority.Type);
        var published = random.NextDouble() < 0.2;
        var profile = new ProfileFacts(population, livingInEu, random.NextUInt64());

        var assessments = new List<SyntheticAssessment>(_lastRound - _firstRound + 1);
        var drift = 0.0;
        Guid? previous = null;
        DateTimeOffset? organisationCreated = null;
        for (var round = _firstRound; round <= _lastRound; round++)
        {
            if (round > _firstRound) drift += random.NextGaussian(MeanProgress, ProgressSpread);
            var (created, submitted) = Dates(ref random, round);
            organisationCreated ??= created.AddDays(-1 - random.Next(30));
            var answers = new SyntheticAnswer[_questions.Length];
            for (var q = 0; q < _questions.Length; q++)
            {
                var question = _questions[q];
                if (question.Scored)
                {
                    var u = random.NextDouble();
                    var latent = maturity + drift + topicNoise[_topicOf[q]] + questionNoise[q] + random.NextGaussian(0, RoundSpread);
                    answers[q] = u < dontKnowShare ? new SyntheticAnswer(question.Key, AnswerChoice.DontKnow, null, null)
                        : u < dontKnowShare + NotApplicableShare ? new SyntheticAnswer(question.Key, AnswerChoice.NotApplicable, null, null)
                        : new SyntheticAnswer(question.Key, AnswerChoice.Level, Math.Clamp((int)Math.Round(latent, MidpointRounding.AwayFromZero), 1, 5), null);
                }
                else
                {
                    answers[q] = new SyntheticAnswer(question.Key, AnswerChoice.Value, null,
                        ProfileValue(question, authority, profile, maturity + drift, isLarge, ref random));
                }
            }
            var id = IdOf(authority.Id, round, SyntheticIdKind.Assessment);
            var score = AssessmentResults.ScoreOf(_questionnaire, answers.Select(a => (a.QuestionKey, a.Choice, a.Level)));
            var entry = BenchmarkEntries.ForSubmission(id, IdOf(authority.Id, 0, SyntheticIdKind.Organisation), round, AsEntity(authority), score, submitted);
            entry.IsSynthetic = true;
            assessments.Add(new SyntheticAssessment(id, round, created, submitted, previous, answers, entry));
            previous = id;
        }
        return new SyntheticOrganisation(IdOf(authority.Id, 0, SyntheticIdKind.Organisation), authority, livingInEu, published,
            organisationCreated!.Value, assessments);
    }

    /// <summary>
    /// Ids that sort in the order rows are written (by authority, then round), which keeps every index append-only
    /// while loading, and that say what they are: version-8 (custom) UUIDs whose last seven bytes spell "SYNTHET" in ASCII.
    /// </summary>
    public static Guid IdOf(int authorityId, int round, SyntheticIdKind kind)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(bytes, authorityId);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[4..], (ushort)round);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[6..], (ushort)(0x8000 | (int)kind));
        bytes[8] = 0x80;
        "SYNTHETIC"u8[..7].CopyTo(bytes[9..]);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Municipalities: +0.22 per tenfold population over 2,000, from −0.45 to +0.75; regions and member states
    /// have their own services and staff, so a fixed lead.</summary>
    private static double SizeEffect(SyntheticAuthority authority, long population) => authority.Type switch
    {
        AuthorityType.MemberState => 0.6,
        AuthorityType.Region => authority.NutsLevel == 3 ? 0.2 : 0.35,
        _ => Math.Clamp(0.22 * Math.Log10(Math.Max(population, 1) / 2000.0), -0.45, 0.75),
    };

    private static LivingInEuStatus LivingInEu(ref SyntheticRandom random, long population, AuthorityType type)
    {
        var u = random.NextDouble();
        var (signatory, supporter) = type == AuthorityType.Municipality
            ? population >= 100_000 ? (0.15, 0.10) : population >= 20_000 ? (0.02, 0.03) : (0.002, 0.004)
            : (0.10, 0.10);
        return u < signatory ? LivingInEuStatus.Signatory : u < signatory + supporter ? LivingInEuStatus.Supporter : LivingInEuStatus.None;
    }

    private (DateTimeOffset Created, DateTimeOffset Submitted) Dates(ref SyntheticRandom random, int round)
    {
        var start = new DateTimeOffset(round, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // The current round: between 1 January and now; earlier rounds: from late January to mid-December.
        var end = round >= _now.Year ? _now.AddMinutes(-1) : new DateTimeOffset(round, 12, 15, 0, 0, 0, TimeSpan.Zero);
        if (round < _now.Year) start = start.AddDays(20);
        if (end <= start) end = start.AddMinutes(2);
        var span = (end - start).Ticks;
        var created = start.AddTicks((long)(random.NextDouble() * 0.8 * span));
        var submitted = created.AddTicks((long)(random.NextDouble() * Math.Min((end - created).Ticks, TimeSpan.FromDays(40).Ticks)));
        // Whole seconds, as people submit; keeps the stored text short.
        return (Truncate(created), Truncate(submitted < created ? created : submitted));
    }

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>What the profile answers of an authority share across its rounds.</summary>
    private sealed record ProfileFacts(long Population, LivingInEuStatus LivingInEu, ulong StableSeed);

    private static string ProfileValue(Question question, SyntheticAuthority authority, ProfileFacts facts, double maturity, bool isLarge,
        ref SyntheticRandom random)
    {
        // Facts that do not change between rounds come from a generator of their own.
        var stable = new SyntheticRandom(SyntheticRandom.Hash(facts.StableSeed, question.Key));
        var population = facts.Population;
        var key = question.Key[(question.Key.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return key switch
        {
            "population_served" => population.ToString(CultureInfo.InvariantCulture),
            "authority_type" => AuthorityTypeOption(authority, population, ref stable),
            "digital_staff" => Staff(authority, population, maturity, ref random),
            "it_provision" => Pick(question, ItProvision(authority, population, ref stable)),
            "digital_budget" => Pick(question, Budget(population, maturity, ref random)),
            "digital_strategy" => Pick(question, Ladder(maturity + random.NextGaussian(0, 0.4),
                "none", "in_preparation", "part_of_wider_plan", "updated_over_three_years_ago", "updated_within_three_years")),
            "digital_lead" => Pick(question, Ladder(maturity + random.NextGaussian(0, 0.4),
                "no_one", "it_manager", "senior_part_time", "dedicated_lead", "top_management")),
            "living_in_eu" => Pick(question, facts.LivingInEu switch
            {
                LivingInEuStatus.Signatory => "signatory",
                LivingInEuStatus.Supporter => "supporter",
                _ => stable.NextDouble() < 0.1 ? "not_known" : "not_member",
            }),
            "other_networks" => (isLarge ? LargeNetworks : SmallNetworks)[stable.Next(3)],
            "service_languages" => ServiceLanguages(authority.CountryCode, isLarge, ref stable),
            _ => Fallback(question, ref random),
        };
    }

    /// <summary>The option when the questionnaire has it; otherwise its first option (a later version may rename options).</summary>
    private static string Pick(Question question, string option) =>
        question.Options.Any(o => o.Key == option) ? option : question.Options.IsEmpty ? option : question.Options[0].Key;

    private static string Fallback(Question question, ref SyntheticRandom random) => question.Type switch
    {
        QuestionType.SingleChoice => question.Options[random.Next(question.Options.Length)].Key,
        QuestionType.YesNo => random.NextDouble() < 0.5 ? AnswerRules.Yes : AnswerRules.No,
        QuestionType.Number => ((int)(question.Min ?? 0) + random.Next(100)).ToString(CultureInfo.InvariantCulture),
        _ => "Synthetic answer",
    };

    private static string AuthorityTypeOption(SyntheticAuthority authority, long population, ref SyntheticRandom stable) => authority.Type switch
    {
        AuthorityType.MemberState => "national",
        AuthorityType.Region => authority.NutsLevel == 3 ? "intermediate" : "region",
        _ when population >= 500_000 && stable.NextDouble() < 0.3 => "metropolitan",
        _ when population >= 50_000 => "city",
        _ when population >= 20_000 && stable.NextDouble() < 0.5 => "city",
        _ => "municipality",
    };

    private static string Staff(SyntheticAuthority authority, long population, double maturity, ref SyntheticRandom random)
    {
        // About one digital FTE per 2,000 residents for a municipality of average maturity, fewer per resident higher up.
        var perResident = authority.Type == AuthorityType.Municipality ? 1.0 / 2000 : authority.Type == AuthorityType.Region ? 1.0 / 8000 : 1.0 / 20000;
        var fte = population * perResident * Math.Exp((0.35 * (maturity - 2.6)) + random.NextGaussian(0, 0.25));
        return fte >= 10
            ? Math.Round(fte).ToString(CultureInfo.InvariantCulture)
            : Math.Round(fte, 1).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static string ItProvision(SyntheticAuthority authority, long population, ref SyntheticRandom stable)
    {
        var u = stable.NextDouble();
        if (authority.Type != AuthorityType.Municipality || population >= 100_000)
            return u < 0.75 ? "own_department" : u < 0.95 ? "mixed" : "private_suppliers";
        if (population >= 5_000)
            return u < 0.40 ? "own_department" : u < 0.60 ? "shared_service" : u < 0.80 ? "private_suppliers" : u < 0.95 ? "mixed" : "public_provider";
        return u < 0.45 ? "shared_service" : u < 0.75 ? "private_suppliers" : u < 0.90 ? "public_provider" : "mixed";
    }

    private static string Budget(long population, double maturity, ref SyntheticRandom random)
    {
        if (random.NextDouble() < 0.04) return "not_known";
        // Some 20 to 60 euros per resident and year, more where maturity is higher.
        var euros = population * 35.0 * Math.Exp((0.3 * (maturity - 2.6)) + random.NextGaussian(0, 0.3));
        return euros switch
        {
            < 100_000 => "under_100k",
            < 500_000 => "from_100k_to_500k",
            < 2_000_000 => "from_500k_to_2m",
            < 10_000_000 => "from_2m_to_10m",
            < 50_000_000 => "from_10m_to_50m",
            _ => "over_50m",
        };
    }

    /// <summary>One of five options, climbing with maturity from 1.8 to 3.4.</summary>
    private static string Ladder(double maturity, params string[] options) => maturity switch
    {
        < 1.8 => options[0],
        < 2.3 => options[1],
        < 2.8 => options[2],
        < 3.4 => options[3],
        _ => options[4],
    };

    private static string ServiceLanguages(string country, bool isLarge, ref SyntheticRandom stable)
    {
        var languages = Languages.GetValueOrDefault(country, ["English"]);
        if (isLarge && !languages.Contains("English") && stable.NextDouble() < 0.6) languages = [.. languages, "English"];
        return string.Join(", ", languages);
    }

    /// <summary>The directory row as <see cref="BenchmarkEntries.ForSubmission"/> reads it (peer dimensions only).</summary>
    private static Authority AsEntity(SyntheticAuthority a) => new()
    {
        Id = a.Id,
        Code = a.Code,
        Name = a.Code,
        SearchName = a.Code,
        Type = a.Type,
        NutsLevel = a.NutsLevel,
        CountryCode = a.CountryCode,
        NutsCode = a.NutsCode,
        Population = a.Population,
    };
}

internal enum SyntheticIdKind
{
    Organisation = 1,
    Assessment = 2,
}
