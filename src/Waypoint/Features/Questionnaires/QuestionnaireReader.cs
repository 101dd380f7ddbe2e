using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Waypoint.Features.Questionnaires;

/// <summary>
/// Reads one questionnaire file (see QUESTIONNAIRE-SCHEMA in docs) and checks it against the content contract.
/// The YAML is walked node by node rather than bound to classes so that every problem, including a misspelt field,
/// is reported with the file, the line and the key of the section or question it belongs to.
/// </summary>
internal static partial class QuestionnaireReader
{
    private const int MinOptions = 2;
    private const int MaxOptions = 8;

    private static readonly string[] RootFields = ["version", "status", "publishedOn", "title", "introduction", "sections"];
    private static readonly string[] SectionFields = ["key", "kind", "title", "description", "questions"];
    private static readonly string[] QuestionFields =
        ["key", "title", "text", "help", "type", "required", "levels", "options", "unit", "min", "references"];
    private static readonly string[] OptionFields = ["key", "text"];

    /// <summary>Reads and checks one file; throws <see cref="QuestionnaireContentException"/> listing every problem.</summary>
    public static Questionnaire ReadFile(string path)
    {
        var errors = new List<string>();
        var questionnaire = ReadFile(path, errors);
        return questionnaire is not null && errors.Count == 0 ? questionnaire : throw new QuestionnaireContentException(errors);
    }

    /// <summary>Reads and checks one file, adding its problems to <paramref name="errors"/>; null when it has any.</summary>
    public static Questionnaire? ReadFile(string path, List<string> errors)
    {
        using var reader = File.OpenText(path);
        return Read(Path.GetFileName(path), reader, errors);
    }

    public static Questionnaire? Read(string fileName, TextReader text, List<string> errors)
    {
        var before = errors.Count;
        var file = new FileContext(fileName, errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).TrimEnd('.');
            errors.Add($"{fileName}, line {e.Start.Line}, column {e.Start.Column}: this is not valid YAML ({reason}).");
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add($"{fileName}: the file must hold one YAML mapping with the fields {string.Join(", ", RootFields)}.");
            return null;
        }

        var questionnaire = ReadQuestionnaire(file, root);
        return errors.Count == before ? questionnaire : null;
    }

    private static Questionnaire? ReadQuestionnaire(FileContext file, YamlMappingNode node)
    {
        var fields = new Fields(file, node, "the questionnaire", RootFields);
        var version = fields.RequiredString("version");
        if (version is not null)
        {
            if (!QuestionnaireVersion.IsValid(version))
                file.Error(fields.LineOf("version"), $"version '{version}' must be numbers separated by dots, such as \"1.0\".");
            else if (!string.Equals(Path.GetFileNameWithoutExtension(file.Name), version, StringComparison.Ordinal))
                file.Error(fields.LineOf("version"), $"the version is '{version}' but the file is named '{file.Name}'; name the file '{version}.yaml'.");
        }

        var status = fields.RequiredString("status") switch
        {
            null => (QuestionnaireStatus?)null,
            "draft" => QuestionnaireStatus.Draft,
            "published" => QuestionnaireStatus.Published,
            var other => file.Error<QuestionnaireStatus?>(fields.LineOf("status"), $"status '{other}' is not allowed; use 'draft' or 'published'."),
        };

        DateOnly? publishedOn = null;
        if (fields.OptionalString("publishedOn") is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                publishedOn = parsed;
            else
                file.Error(fields.LineOf("publishedOn"), $"publishedOn '{date}' is not a date; write it as YYYY-MM-DD, such as 2026-11-25.");
        }
        else if (status == QuestionnaireStatus.Published)
        {
            file.Error(node.Start.Line, "a published questionnaire needs 'publishedOn' (YYYY-MM-DD).");
        }

        var title = fields.RequiredString("title");
        var introduction = fields.RequiredString("introduction");
        var sections = ReadSections(file, fields);
        fields.RejectUnknown();

        return version is null || status is null || title is null || introduction is null || file.HasErrors
            ? null
            : new Questionnaire(version, status.Value, publishedOn, title, introduction, sections);
    }

    private static ImmutableArray<Section> ReadSections(FileContext file, Fields root)
    {
        var sectionNodes = root.RequiredSequence("sections");
        if (sectionNodes is null) return [];

        var sections = ImmutableArray.CreateBuilder<Section>();
        var sectionLines = new Dictionary<string, long>(StringComparer.Ordinal);
        var questionLines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var sectionNode in sectionNodes)
        {
            if (sectionNode is not YamlMappingNode mapping)
            {
                file.Error(sectionNode.Start.Line, "each entry of 'sections' must be a mapping with key, kind, title, description and questions.");
                continue;
            }
            var section = ReadSection(file, mapping, sectionLines, questionLines);
            if (section is not null) sections.Add(section);
        }

        CheckTopics(file, root.LineOf("sections"), sections);
        return sections.ToImmutable();
    }

    private static Section? ReadSection(FileContext file, YamlMappingNode node, Dictionary<string, long> sectionLines, Dictionary<string, long> questionLines)
    {
        var line = node.Start.Line;
        var key = new Fields(file, node, "a section", SectionFields).RequiredString("key");
        var where = key is null ? $"the section on line {line}" : $"section '{key}'";
        var fields = new Fields(file, node, where, SectionFields);

        if (key is not null)
        {
            if (!SnakeCase().IsMatch(key))
                file.Error(line, $"section key '{key}' must be snake_case (lower-case letters, digits and underscores).");
            else if (!sectionLines.TryAdd(key, line))
                file.Error(line, $"section key '{key}' is used twice (lines {sectionLines[key]} and {line}).");
        }

        var kind = fields.RequiredString("kind") switch
        {
            null => (SectionKind?)null,
            "profile" => SectionKind.Profile,
            "topic" => SectionKind.Topic,
            var other => file.Error<SectionKind?>(fields.LineOf("kind"), $"{where} has kind '{other}'; use 'profile' or 'topic'."),
        };
        var title = fields.RequiredString("title");
        var description = fields.RequiredString("description");

        var questions = ImmutableArray.CreateBuilder<Question>();
        var questionNodes = fields.RequiredSequence("questions");
        if (questionNodes is { Children.Count: 0 })
            file.Error(fields.LineOf("questions"), $"{where} has no questions.");
        foreach (var questionNode in questionNodes ?? [])
        {
            if (questionNode is not YamlMappingNode mapping)
            {
                file.Error(questionNode.Start.Line, $"each question of {where} must be a mapping with key, title, text, type and required.");
                continue;
            }
            var question = ReadQuestion(file, mapping, key, kind, questionLines);
            if (question is not null) questions.Add(question);
        }
        fields.RejectUnknown();

        return key is null || kind is null || title is null || description is null
            ? null
            : new Section(key, kind.Value, title, description, questions.ToImmutable());
    }

    private static Question? ReadQuestion(FileContext file, YamlMappingNode node, string? sectionKey, SectionKind? sectionKind, Dictionary<string, long> questionLines)
    {
        var line = node.Start.Line;
        var key = new Fields(file, node, "a question", QuestionFields).RequiredString("key");
        var where = key is null ? $"the question on line {line}" : $"question '{key}'";
        var fields = new Fields(file, node, where, QuestionFields);

        if (key is not null && sectionKey is not null)
        {
            if (!key.StartsWith(sectionKey + ".", StringComparison.Ordinal))
                file.Error(line, $"{where} is in section '{sectionKey}', so its key must start with '{sectionKey}.'.");
            else if (!SnakeCase().IsMatch(key[(sectionKey.Length + 1)..]))
                file.Error(line, $"{where}: the part after '{sectionKey}.' must be snake_case (lower-case letters, digits and underscores).");
            if (!questionLines.TryAdd(key, line))
                file.Error(line, $"question key '{key}' is used twice (lines {questionLines[key]} and {line}).");
        }

        var title = fields.RequiredString("title");
        var text = fields.RequiredString("text");
        var help = fields.OptionalString("help");
        var typeName = fields.RequiredString("type");
        QuestionType? type = typeName switch
        {
            null => null,
            "scale" => QuestionType.Scale,
            "single_choice" => QuestionType.SingleChoice,
            "number" => QuestionType.Number,
            "yes_no" => QuestionType.YesNo,
            "text" => QuestionType.Text,
            _ => file.Error<QuestionType?>(fields.LineOf("type"), $"{where} has type '{typeName}'; use scale, single_choice, number, yes_no or text."),
        };
        var required = fields.OptionalBool("required") ?? false;

        if (type is { } t && sectionKind is { } kind)
        {
            if (kind == SectionKind.Topic && t != QuestionType.Scale)
                file.Error(fields.LineOf("type"), $"{where} is in a topic section, so its type must be 'scale' (not '{typeName}').");
            if (kind == SectionKind.Profile && t == QuestionType.Scale)
                file.Error(fields.LineOf("type"), $"{where} is in a profile section, which is not scored; use number, single_choice, yes_no or text.");
            if (kind == SectionKind.Topic && !required)
                file.Error(line, $"{where} is in a topic section and must have 'required: true' (respondents may still answer \"don't know\" or \"not applicable\").");
        }

        var levels = ReadLevels(file, fields, where, type);
        var options = ReadOptions(file, fields, where, type);

        var unit = fields.OptionalString("unit");
        var min = fields.OptionalDecimal("min");
        if (type is not null and not QuestionType.Number)
        {
            if (unit is not null) file.Error(fields.LineOf("unit"), $"{where} is not a number question, so it cannot have a 'unit'.");
            if (min is not null) file.Error(fields.LineOf("min"), $"{where} is not a number question, so it cannot have a 'min'.");
        }

        var references = ImmutableArray.CreateBuilder<string>();
        foreach (var reference in fields.OptionalSequence("references") ?? [])
        {
            if (reference is YamlScalarNode { Value: { Length: > 0 } id } && SnakeCase().IsMatch(id)) references.Add(id);
            else file.Error(reference.Start.Line, $"{where}: each reference must be a framework id in snake_case, such as 'lordi'.");
        }
        fields.RejectUnknown();

        return key is null || sectionKey is null || title is null || text is null || type is null
            ? null
            : new Question(key, sectionKey, title, text, help, type.Value, required, levels, options, unit, min, references.ToImmutable());
    }

    private static ImmutableArray<string> ReadLevels(FileContext file, Fields fields, string where, QuestionType? type)
    {
        var nodes = fields.OptionalSequence("levels");
        if (type != QuestionType.Scale)
        {
            if (nodes is not null && type is not null)
                file.Error(fields.LineOf("levels"), $"{where} is not a scale question, so it cannot have 'levels'.");
            return [];
        }
        if (nodes is null || nodes.Children.Count != Question.ScaleLevels)
        {
            file.Error(nodes?.Start.Line ?? fields.Line,
                $"{where} has {nodes?.Children.Count ?? 0} levels; a scale question needs exactly {Question.ScaleLevels} (level 1 lowest to level 5 highest).");
            return [];
        }

        var levels = ImmutableArray.CreateBuilder<string>(Question.ScaleLevels);
        for (var i = 0; i < nodes.Children.Count; i++)
        {
            if (nodes.Children[i] is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value) && !IsNull(nodes.Children[i]))
                levels.Add(value.Trim());
            else
                file.Error(nodes.Children[i].Start.Line, $"{where}: level {i + 1} is empty; describe what the authority does at that level.");
        }
        return levels.Count == Question.ScaleLevels ? levels.MoveToImmutable() : [];
    }

    private static ImmutableArray<QuestionOption> ReadOptions(FileContext file, Fields fields, string where, QuestionType? type)
    {
        var nodes = fields.OptionalSequence("options");
        if (type != QuestionType.SingleChoice)
        {
            if (nodes is not null && type is not null)
                file.Error(fields.LineOf("options"), $"{where} is not a single_choice question, so it cannot have 'options'.");
            return [];
        }
        if (nodes is null || nodes.Children.Count is < MinOptions or > MaxOptions)
        {
            file.Error(nodes?.Start.Line ?? fields.Line,
                $"{where} has {nodes?.Children.Count ?? 0} options; a single_choice question needs {MinOptions} to {MaxOptions}.");
            return [];
        }

        var options = ImmutableArray.CreateBuilder<QuestionOption>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node is not YamlMappingNode mapping)
            {
                file.Error(node.Start.Line, $"{where}: each option must be a mapping with a key and a text.");
                continue;
            }
            var optionFields = new Fields(file, mapping, $"an option of {where}", OptionFields);
            var key = optionFields.RequiredString("key");
            var text = optionFields.RequiredString("text");
            optionFields.RejectUnknown();
            if (key is null || text is null) continue;
            if (!SnakeCase().IsMatch(key))
                file.Error(mapping.Start.Line, $"{where}: option key '{key}' must be snake_case.");
            else if (!seen.Add(key))
                file.Error(mapping.Start.Line, $"{where}: option key '{key}' is used twice.");
            else
                options.Add(new QuestionOption(key, text));
        }
        return options.ToImmutable();
    }

    private static void CheckTopics(FileContext file, long line, ImmutableArray<Section>.Builder sections)
    {
        var topics = sections.Where(s => s.Kind == SectionKind.Topic).Select(s => s.Key).ToList();
        foreach (var unknown in topics.Except(Questionnaire.TopicKeys))
            file.Error(line, $"topic section '{unknown}' is not one of the seven topics ({string.Join(", ", Questionnaire.TopicKeys)}).");
        foreach (var missing in Questionnaire.TopicKeys.Except(topics))
            file.Error(line, $"the topic '{missing}' is missing; every questionnaire has the seven topics {string.Join(", ", Questionnaire.TopicKeys)}.");
        var known = topics.Where(Questionnaire.TopicKeys.Contains).ToList();
        var expected = Questionnaire.TopicKeys.Where(known.Contains).ToList();
        if (!known.SequenceEqual(expected))
            file.Error(line, $"the topics must come in this order: {string.Join(", ", Questionnaire.TopicKeys)}.");

        var general = sections.FirstOrDefault(s => s.Key == Questionnaire.ProfileSectionKey);
        if (general is { Kind: not SectionKind.Profile })
            file.Error(line, $"section '{Questionnaire.ProfileSectionKey}' holds the general information and must have kind 'profile'.");
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    private sealed class FileContext(string name, List<string> errors)
    {
        private readonly int _before = errors.Count;

        public string Name { get; } = name;

        public bool HasErrors => errors.Count > _before;

        public void Error(long line, string message) => errors.Add($"{Name}, line {line}: {message}");

        public T Error<T>(long line, string message)
        {
            Error(line, message);
            return default!;
        }
    }

    /// <summary>The fields of one mapping: typed access that reports wrong shapes, and a check for unknown names.</summary>
    private sealed class Fields(FileContext file, YamlMappingNode node, string where, string[] allowed)
    {
        public long Line => node.Start.Line;

        public long LineOf(string name) => Find(name)?.Start.Line ?? node.Start.Line;

        public string? RequiredString(string name)
        {
            var value = OptionalString(name);
            if (value is null && Find(name) is null or YamlScalarNode)
                file.Error(node.Start.Line, $"{where} has no '{name}'.");
            return value;
        }

        public string? OptionalString(string name)
        {
            var value = Find(name);
            if (value is null || IsNull(value)) return null;
            if (value is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text)) return text.Trim();
            if (value is YamlScalarNode) return null;
            file.Error(value.Start.Line, $"{where}: '{name}' must be a single value, not a list or a mapping.");
            return null;
        }

        public bool? OptionalBool(string name) => OptionalString(name) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => file.Error<bool?>(LineOf(name), $"{where}: '{name}' is '{other}'; write true or false."),
        };

        public decimal? OptionalDecimal(string name) => OptionalString(name) switch
        {
            null => null,
            var text when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            var other => file.Error<decimal?>(LineOf(name), $"{where}: '{name}' is '{other}', which is not a number."),
        };

        public YamlSequenceNode? RequiredSequence(string name)
        {
            var value = Find(name);
            if (value is null || IsNull(value))
            {
                file.Error(node.Start.Line, $"{where} has no '{name}'.");
                return null;
            }
            return AsSequence(name, value);
        }

        public YamlSequenceNode? OptionalSequence(string name)
        {
            var value = Find(name);
            return value is null || IsNull(value) ? null : AsSequence(name, value);
        }

        public void RejectUnknown()
        {
            foreach (var key in node.Children.Keys)
            {
                if (key is YamlScalarNode { Value: { } name } && allowed.Contains(name, StringComparer.Ordinal)) continue;
                var shown = key is YamlScalarNode scalar ? scalar.Value : key.ToString();
                file.Error(key.Start.Line, $"{where} has an unknown field '{shown}'; the fields allowed here are {string.Join(", ", allowed)}.");
            }
        }

        private YamlSequenceNode? AsSequence(string name, YamlNode value)
        {
            if (value is YamlSequenceNode sequence) return sequence;
            file.Error(value.Start.Line, $"{where}: '{name}' must be a list.");
            return null;
        }

        private YamlNode? Find(string name)
        {
            foreach (var (key, value) in node.Children)
            {
                if (key is YamlScalarNode { Value: { } text } && string.Equals(text, name, StringComparison.Ordinal)) return value;
            }
            return null;
        }
    }
}
