using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Waypoint.Data;
using Waypoint.Data.Assessments;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Synthetic;

/// <summary>How many rows a generation wrote.</summary>
internal sealed record SyntheticCounts(int Organisations, int Assessments, long Answers, int BenchmarkEntries, int TopicScores)
{
    public long Total => Organisations + Assessments + Answers + BenchmarkEntries + TopicScores;
}

/// <summary>
/// Writes generated organisations, assessments, answers and benchmark entries in bulk inside the caller's transaction.
/// Full Synthetic Europe is some 20 million rows; EF Core's change tracker would take many minutes, so this writes
/// through ADO.NET as the directory import does: prepared commands on SQLite, binary COPY on PostgreSQL.
/// </summary>
internal abstract class SyntheticWriter(WaypointDbContext db, SyntheticModel model)
{
    /// <summary>How long one statement of a load (a COPY, a removal) may take: far longer than a request's.</summary>
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(30);

    protected WaypointDbContext Db { get; } = db;
    protected SyntheticModel Model { get; } = model;
    protected ModelTable Organisations { get; } = new(db.Model, typeof(Organisation));
    protected ModelTable Assessments { get; } = new(db.Model, typeof(Assessment));
    protected ModelTable Answers { get; } = new(db.Model, typeof(Answer));
    protected ModelTable Entries { get; } = new(db.Model, typeof(BenchmarkEntry));
    protected ModelTable TopicScores { get; } = new(db.Model, typeof(BenchmarkTopicScore));

    public static SyntheticWriter For(WaypointDbContext db, SyntheticModel model) =>
        db.Database.IsNpgsql() ? new PostgresSyntheticWriter(db, model) : new SqliteSyntheticWriter(db, model);

    /// <param name="recordedAt">The benchmark entries' <see cref="BenchmarkEntry.RecordedAt"/>: the time of writing, so
    /// that web nodes that poll for new entries see them.</param>
    public abstract Task<SyntheticCounts> WriteAsync(IReadOnlyList<SyntheticAuthority> authorities, DateTimeOffset recordedAt, CancellationToken cancellationToken);

    protected DbTransaction Transaction =>
        Db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Synthetic Europe is written inside a transaction.");

    protected string[] OrganisationColumns =>
    [
        nameof(Organisation.Id), nameof(Organisation.AuthorityId), nameof(Organisation.LivingInEuStatus), nameof(Organisation.SubGroups),
        nameof(Organisation.CreatedAt), nameof(Organisation.ResultsPublished), nameof(Organisation.IsSynthetic), nameof(Organisation.Version),
    ];

    protected string[] AssessmentColumns =>
    [
        nameof(Assessment.Id), nameof(Assessment.OrganisationId), nameof(Assessment.Round), nameof(Assessment.QuestionnaireVersion),
        nameof(Assessment.Status), nameof(Assessment.CreatedAt), nameof(Assessment.CreatedById), nameof(Assessment.CopiedFromId),
        nameof(Assessment.SubmittedAt), nameof(Assessment.SubmittedById), nameof(Assessment.Version), nameof(Assessment.UpdatedAt),
    ];

    protected string[] AnswerColumns =>
    [
        nameof(Answer.AssessmentId), nameof(Answer.QuestionKey), nameof(Answer.Choice), nameof(Answer.Level), nameof(Answer.Value),
        nameof(Answer.Version), nameof(Answer.UpdatedAt), nameof(Answer.UpdatedById),
    ];

    protected string[] EntryColumns =>
    [
        nameof(BenchmarkEntry.AssessmentId), nameof(BenchmarkEntry.OrganisationId), nameof(BenchmarkEntry.AuthorityId), nameof(BenchmarkEntry.Round),
        nameof(BenchmarkEntry.QuestionnaireVersion), nameof(BenchmarkEntry.CountryCode), nameof(BenchmarkEntry.Nuts2Code),
        nameof(BenchmarkEntry.AuthorityType), nameof(BenchmarkEntry.PopulationBand), nameof(BenchmarkEntry.Overall),
        nameof(BenchmarkEntry.IsSynthetic), nameof(BenchmarkEntry.SubmittedAt), nameof(BenchmarkEntry.RecordedAt),
    ];

    protected string[] TopicScoreColumns => [nameof(BenchmarkTopicScore.AssessmentId), nameof(BenchmarkTopicScore.TopicKey), nameof(BenchmarkTopicScore.Score)];

    /// <summary>Each answer counts as one change of its assessment, and the submission as one more.</summary>
    protected static int VersionOf(SyntheticAssessment assessment) => assessment.Answers.Length + 1;

    /// <summary>Answers are written when the assessment was last worked on, shortly before its submission.</summary>
    protected static DateTimeOffset AnsweredAt(SyntheticAssessment assessment) =>
        assessment.SubmittedAt.AddHours(-1) < assessment.CreatedAt ? assessment.CreatedAt : assessment.SubmittedAt.AddHours(-1);
}

/// <summary>
/// SQLite is in-process: prepared statements reused for every row, in the caller's transaction. The answers of one
/// assessment go in one multi-row statement whose question keys and constant columns are part of the SQL, so that
/// each of the 18 million answers costs one bound parameter instead of one statement.
/// </summary>
internal sealed class SqliteSyntheticWriter(WaypointDbContext db, SyntheticModel model) : SyntheticWriter(db, model)
{
    // EF Core stores these as text on SQLite: Guids in upper case, times in this format (SqliteDateTimeOffsetTypeMapping).
    private const string TimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";
    private const int DontKnowCode = 6;
    private const int NotApplicableCode = 7;
    private static readonly object[] Codes = [.. Enumerable.Range(0, 8).Select(i => (object)i)];

    public override Task<SyntheticCounts> WriteAsync(IReadOnlyList<SyntheticAuthority> authorities, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)Db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)Transaction;
        using var organisations = Prepare(connection, transaction, Insert(Organisations, OrganisationColumns), OrganisationColumns.Length);
        using var assessments = Prepare(connection, transaction, Insert(Assessments, AssessmentColumns), AssessmentColumns.Length);
        using var entries = Prepare(connection, transaction, Insert(Entries, EntryColumns), EntryColumns.Length);
        using var topicScores = Prepare(connection, transaction, Insert(TopicScores, TopicScoreColumns), TopicScoreColumns.Length);
        var (answersSql, answerParameters) = AnswersStatement();
        using var answers = Prepare(connection, transaction, answersSql, answerParameters);
        var questions = Model.Questions;
        var recorded = Time(recordedAt);

        int organisationCount = 0, assessmentCount = 0, entryCount = 0, topicScoreCount = 0;
        long answerCount = 0;
        foreach (var authority in authorities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var organisation = Model.Generate(authority);
            Execute(organisations, Id(organisation.Id), organisation.Authority.Id, organisation.LivingInEu.ToString(), (int)SubGroups.None,
                Time(organisation.CreatedAt), organisation.ResultsPublished, true, 0);
            organisationCount++;
            foreach (var assessment in organisation.Assessments)
            {
                var id = Id(assessment.Id);
                var submitted = Time(assessment.SubmittedAt);
                Execute(assessments, id, Id(organisation.Id), assessment.Round, assessment.Entry.QuestionnaireVersion, nameof(AssessmentStatus.Submitted),
                    Time(assessment.CreatedAt), SyntheticModel.AuthorId, assessment.CopiedFromId is { } copied ? Id(copied) : null,
                    submitted, SyntheticModel.AuthorId, VersionOf(assessment), submitted);
                assessmentCount++;

                var parameters = answers.Parameters;
                parameters[0].Value = id;
                parameters[1].Value = Time(AnsweredAt(assessment));
                for (var q = 0; q < questions.Count; q++)
                {
                    var answer = assessment.Answers[q];
                    parameters[q + 2].Value = questions[q].Scored
                        ? Codes[answer.Choice switch { AnswerChoice.Level => answer.Level!.Value, AnswerChoice.DontKnow => DontKnowCode, _ => NotApplicableCode }]
                        : answer.Value;
                }
                answers.ExecuteNonQuery();
                answerCount += questions.Count;

                var entry = assessment.Entry;
                Execute(entries, id, Id(entry.OrganisationId), entry.AuthorityId, entry.Round, entry.QuestionnaireVersion, entry.CountryCode, entry.Nuts2Code,
                    entry.AuthorityType.ToString(), entry.PopulationBand.ToString(), entry.Overall, true, submitted, recorded);
                entryCount++;
                foreach (var topic in entry.TopicScores)
                {
                    Execute(topicScores, id, topic.TopicKey, topic.Score);
                    topicScoreCount++;
                }
            }
        }
        return Task.FromResult(new SyntheticCounts(organisationCount, assessmentCount, answerCount, entryCount, topicScoreCount));
    }

    /// <summary>One INSERT of all answers of an assessment: parameter 0 the assessment, 1 the time, then one per
    /// question (a level 1–5, 6 for don't know, 7 for not applicable; the value of a profile question).</summary>
    private (string Sql, int Parameters) AnswersStatement()
    {
        var sql = new StringBuilder($"INSERT INTO {Answers.Name} ({Answers.Columns(AnswerColumns)}) VALUES ");
        var author = Literal(SyntheticModel.AuthorId);
        var questions = Model.Questions;
        for (var q = 0; q < questions.Count; q++)
        {
            var p = "$p" + (q + 2).ToString(CultureInfo.InvariantCulture);
            if (q > 0) sql.Append(", ");
            sql.Append("($p0, ").Append(Literal(questions[q].Key)).Append(", ");
            sql.Append(questions[q].Scored
                ? $"CASE WHEN {p} <= 5 THEN '{AnswerChoice.Level}' WHEN {p} = {DontKnowCode} THEN '{AnswerChoice.DontKnow}' ELSE '{AnswerChoice.NotApplicable}' END, CASE WHEN {p} <= 5 THEN {p} END, NULL"
                : $"'{AnswerChoice.Value}', NULL, {p}");
            sql.Append(", 1, $p1, ").Append(author).Append(')');
        }
        return (sql.ToString(), questions.Count + 2);
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Insert(ModelTable table, string[] columns) =>
        $"INSERT INTO {table.Name} ({table.Columns(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++) command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string Time(DateTimeOffset time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);
}

/// <summary>
/// PostgreSQL is across a socket: one binary COPY per table streams its rows in one round trip. A COPY holds the
/// connection, and the foreign keys want organisations before assessments before answers, so the generator runs once
/// per table: it is deterministic and cheap next to the writing, and nothing large is kept in memory.
/// </summary>
internal sealed class PostgresSyntheticWriter(WaypointDbContext db, SyntheticModel model) : SyntheticWriter(db, model)
{
    private NpgsqlConnection Connection => (NpgsqlConnection)Db.Database.GetDbConnection();

    public override Task<SyntheticCounts> WriteAsync(IReadOnlyList<SyntheticAuthority> authorities, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        _ = Transaction;
        var recorded = recordedAt.ToUniversalTime();
        var organisations = Copy(Organisations, OrganisationColumns, authorities, cancellationToken, (writer, organisation) =>
        {
            writer.StartRow();
            writer.Write(organisation.Id, NpgsqlDbType.Uuid);
            writer.Write(organisation.Authority.Id, NpgsqlDbType.Integer);
            writer.Write(organisation.LivingInEu.ToString(), NpgsqlDbType.Varchar);
            writer.Write((int)SubGroups.None, NpgsqlDbType.Integer);
            writer.Write(organisation.CreatedAt, NpgsqlDbType.TimestampTz);
            writer.Write(organisation.ResultsPublished, NpgsqlDbType.Boolean);
            writer.Write(true, NpgsqlDbType.Boolean);
            writer.Write(0, NpgsqlDbType.Integer);
            return 1;
        });
        var assessments = Copy(Assessments, AssessmentColumns, authorities, cancellationToken, (writer, organisation) =>
        {
            foreach (var assessment in organisation.Assessments)
            {
                writer.StartRow();
                writer.Write(assessment.Id, NpgsqlDbType.Uuid);
                writer.Write(organisation.Id, NpgsqlDbType.Uuid);
                writer.Write(assessment.Round, NpgsqlDbType.Integer);
                writer.Write(assessment.Entry.QuestionnaireVersion, NpgsqlDbType.Varchar);
                writer.Write(nameof(AssessmentStatus.Submitted), NpgsqlDbType.Varchar);
                writer.Write(assessment.CreatedAt, NpgsqlDbType.TimestampTz);
                writer.Write(SyntheticModel.AuthorId, NpgsqlDbType.Varchar);
                if (assessment.CopiedFromId is { } copied) writer.Write(copied, NpgsqlDbType.Uuid);
                else writer.WriteNull();
                writer.Write(assessment.SubmittedAt, NpgsqlDbType.TimestampTz);
                writer.Write(SyntheticModel.AuthorId, NpgsqlDbType.Varchar);
                writer.Write(VersionOf(assessment), NpgsqlDbType.Integer);
                writer.Write(assessment.SubmittedAt, NpgsqlDbType.TimestampTz);
            }
            return organisation.Assessments.Count;
        });
        var choices = Enum.GetValues<AnswerChoice>().ToDictionary(c => c, c => c.ToString());
        var answers = Copy(Answers, AnswerColumns, authorities, cancellationToken, (writer, organisation) =>
        {
            var count = 0;
            foreach (var assessment in organisation.Assessments)
            {
                var answeredAt = AnsweredAt(assessment);
                foreach (var answer in assessment.Answers)
                {
                    writer.StartRow();
                    writer.Write(assessment.Id, NpgsqlDbType.Uuid);
                    writer.Write(answer.QuestionKey, NpgsqlDbType.Varchar);
                    writer.Write(choices[answer.Choice], NpgsqlDbType.Varchar);
                    if (answer.Level is { } level) writer.Write(level, NpgsqlDbType.Integer);
                    else writer.WriteNull();
                    if (answer.Value is { } value) writer.Write(value, NpgsqlDbType.Varchar);
                    else writer.WriteNull();
                    writer.Write(1, NpgsqlDbType.Integer);
                    writer.Write(answeredAt, NpgsqlDbType.TimestampTz);
                    writer.Write(SyntheticModel.AuthorId, NpgsqlDbType.Varchar);
                }
                count += assessment.Answers.Length;
            }
            return count;
        });
        var entries = Copy(Entries, EntryColumns, authorities, cancellationToken, (writer, organisation) =>
        {
            foreach (var entry in organisation.Assessments.Select(a => a.Entry))
            {
                writer.StartRow();
                writer.Write(entry.AssessmentId, NpgsqlDbType.Uuid);
                writer.Write(entry.OrganisationId, NpgsqlDbType.Uuid);
                writer.Write(entry.AuthorityId, NpgsqlDbType.Integer);
                writer.Write(entry.Round, NpgsqlDbType.Integer);
                writer.Write(entry.QuestionnaireVersion, NpgsqlDbType.Varchar);
                writer.Write(entry.CountryCode, NpgsqlDbType.Varchar);
                if (entry.Nuts2Code is { } nuts2) writer.Write(nuts2, NpgsqlDbType.Varchar);
                else writer.WriteNull();
                writer.Write(entry.AuthorityType.ToString(), NpgsqlDbType.Varchar);
                writer.Write(entry.PopulationBand.ToString(), NpgsqlDbType.Varchar);
                if (entry.Overall is { } overall) writer.Write(overall, NpgsqlDbType.Double);
                else writer.WriteNull();
                writer.Write(true, NpgsqlDbType.Boolean);
                writer.Write(entry.SubmittedAt, NpgsqlDbType.TimestampTz);
                writer.Write(recorded, NpgsqlDbType.TimestampTz);
            }
            return organisation.Assessments.Count;
        });
        var topicScores = Copy(TopicScores, TopicScoreColumns, authorities, cancellationToken, (writer, organisation) =>
        {
            var count = 0;
            foreach (var score in organisation.Assessments.SelectMany(a => a.Entry.TopicScores))
            {
                writer.StartRow();
                writer.Write(score.AssessmentId, NpgsqlDbType.Uuid);
                writer.Write(score.TopicKey, NpgsqlDbType.Varchar);
                writer.Write(score.Score, NpgsqlDbType.Double);
                count++;
            }
            return count;
        });
        return Task.FromResult(new SyntheticCounts((int)organisations, (int)assessments, answers, (int)entries, (int)topicScores));
    }

    private long Copy(ModelTable table, string[] columns, IReadOnlyList<SyntheticAuthority> authorities, CancellationToken cancellationToken,
        Func<NpgsqlBinaryImporter, SyntheticOrganisation, int> write)
    {
        long rows = 0;
        using var writer = Connection.BeginBinaryImport($"COPY {table.Name} ({table.Columns(columns)}) FROM STDIN (FORMAT BINARY)");
        // The server may still be writing and indexing millions of rows when the last one is sent (seen on a busy machine).
        writer.Timeout = LoadTimeout;
        foreach (var authority in authorities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows += write(writer, Model.Generate(authority));
        }
        writer.Complete();
        return rows;
    }
}
