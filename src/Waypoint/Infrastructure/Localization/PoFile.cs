using System.Text;

namespace Waypoint.Infrastructure.Localization;

/// <summary>
/// Reads and writes gettext PO files, the format translators' tools know. The key of an entry is its English
/// source text (msgid), optionally qualified by a context (msgctxt). Plural forms are not used by Waypoint.
/// </summary>
internal static class PoFile
{
    public sealed record Entry(string? Context, string Id, string Text, IReadOnlyList<string> Comments);

    public static string Key(string? context, string id) => context is null ? id : context + "\u0004" + id;

    public static IReadOnlyList<Entry> Parse(TextReader reader)
    {
        var entries = new List<Entry>();
        var comments = new List<string>();
        string? context = null, id = null, text = null;
        string? current = null;

        void Flush()
        {
            if (id is { Length: > 0 })
            {
                entries.Add(new Entry(context, id, text ?? "", comments.ToArray()));
            }
            context = id = text = current = null;
            comments.Clear();
        }

        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (line.StartsWith('#'))
            {
                if (id is not null) Flush();
                comments.Add(line);
                continue;
            }
            if (line.StartsWith('"'))
            {
                var more = Unquote(line);
                switch (current)
                {
                    case "msgctxt": context += more; break;
                    case "msgid": id += more; break;
                    case "msgstr": text += more; break;
                }
                continue;
            }
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0) throw new FormatException($"Unreadable PO line: {raw}");
            var keyword = line[..space];
            var value = Unquote(line[(space + 1)..].Trim());
            switch (keyword)
            {
                case "msgctxt":
                    if (id is not null) Flush();
                    context = value; current = keyword; break;
                case "msgid":
                    if (id is not null) Flush();
                    id = value; current = keyword; break;
                case "msgstr":
                    text = value; current = keyword; break;
                default:
                    throw new FormatException($"Unsupported PO keyword '{keyword}' in: {raw}");
            }
        }
        Flush();
        return entries;
    }

    public static void Write(TextWriter writer, string language, IEnumerable<Entry> entries)
    {
        writer.WriteLine("msgid \"\"");
        writer.WriteLine("msgstr \"\"");
        writer.WriteLine("\"Content-Type: text/plain; charset=UTF-8\\n\"");
        writer.WriteLine($"\"Language: {language}\\n\"");
        foreach (var entry in entries)
        {
            writer.WriteLine();
            foreach (var comment in entry.Comments) writer.WriteLine(comment);
            if (entry.Context is not null) writer.WriteLine($"msgctxt {Quote(entry.Context)}");
            writer.WriteLine($"msgid {Quote(entry.Id)}");
            writer.WriteLine($"msgstr {Quote(entry.Text)}");
        }
    }

    private static string Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
            throw new FormatException($"Expected a quoted PO string: {quoted}");
        var sb = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\') { sb.Append(c); continue; }
            var next = quoted[++i];
            sb.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
        }
        return sb.ToString();
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
