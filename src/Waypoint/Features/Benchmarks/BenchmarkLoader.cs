using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Benchmarks.Cube;

namespace Waypoint.Features.Benchmarks;

/// <summary>
/// Reads benchmark entries from the database into <see cref="BenchmarkRecord"/>s: all of them, or those recorded
/// since a moment. Plain data readers, not tracked entities: a full load reads hundreds of thousands of entries and
/// millions of topic scores.
/// </summary>
internal static class BenchmarkLoader
{
    private const string EntryColumns = """
        SELECT e."AssessmentId", e."OrganisationId", e."AuthorityId", e."Round", e."CountryCode", e."Nuts2Code",
               e."AuthorityType", e."PopulationBand", e."Overall", o."ResultsPublished", e."IsSynthetic", e."SubmittedAt", e."RecordedAt"
        FROM "BenchmarkEntries" e JOIN "Organisations" o ON o."Id" = e."OrganisationId"
        """;

    public static Task<(List<BenchmarkRecord> Records, DateTimeOffset LastRecordedAt)> LoadAllAsync(WaypointDbContext db, CancellationToken cancellationToken) =>
        LoadAsync(db, since: null, cancellationToken);

    public static Task<(List<BenchmarkRecord> Records, DateTimeOffset LastRecordedAt)> LoadSinceAsync(WaypointDbContext db, DateTimeOffset since,
        CancellationToken cancellationToken) => LoadAsync(db, since, cancellationToken);

    public static Task<int> CountAsync(WaypointDbContext db, CancellationToken cancellationToken) => db.BenchmarkEntries.CountAsync(cancellationToken);

    private static async Task<(List<BenchmarkRecord>, DateTimeOffset)> LoadAsync(WaypointDbContext db, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var records = new Dictionary<Guid, BenchmarkRecord>();
            var last = since ?? DateTimeOffset.MinValue;
            await using (var command = Command(connection, EntryColumns + (since is null ? "" : """ WHERE e."RecordedAt" > @since"""), since))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                var types = new EnumNames<AuthorityType>();
                var bands = new EnumNames<PopulationBand>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    var scores = new float[BenchmarkMeasures.Count];
                    Array.Fill(scores, float.NaN);
                    if (!reader.IsDBNull(8)) scores[BenchmarkMeasures.OverallIndex] = (float)reader.GetDouble(8);
                    var record = new BenchmarkRecord(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetInt32(3),
                        reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), types.Parse(reader.GetString(6)),
                        bands.Parse(reader.GetString(7)), scores, reader.GetBoolean(9), reader.GetBoolean(10),
                        reader.GetFieldValue<DateTimeOffset>(11));
                    records[record.AssessmentId] = record;
                    var recordedAt = reader.GetFieldValue<DateTimeOffset>(12);
                    if (recordedAt > last) last = recordedAt;
                }
            }
            if (records.Count > 0) await ReadTopicScoresAsync(connection, records, since, cancellationToken);
            return ([.. records.Values], last);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ReadTopicScoresAsync(DbConnection connection, Dictionary<Guid, BenchmarkRecord> records, DateTimeOffset? since,
        CancellationToken cancellationToken)
    {
        var sql = since is null
            ? """SELECT s."AssessmentId", s."TopicKey", s."Score" FROM "BenchmarkTopicScores" s"""
            : """
              SELECT s."AssessmentId", s."TopicKey", s."Score" FROM "BenchmarkTopicScores" s
              JOIN "BenchmarkEntries" e ON e."AssessmentId" = s."AssessmentId" WHERE e."RecordedAt" > @since
              """;
        await using var command = Command(connection, sql, since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var measures = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!records.TryGetValue(reader.GetGuid(0), out var record)) continue;
            var key = reader.GetString(1);
            if (!measures.TryGetValue(key, out var measure)) measures[key] = measure = BenchmarkMeasures.IndexOf(key);
            if (measure > 0) record.Scores[measure] = (float)reader.GetDouble(2);
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, DateTimeOffset? since)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (since is { } value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "since";
            // SQLite keeps these as text in one format with a +00:00 offset, which compares in time order.
            parameter.Value = value.ToUniversalTime();
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Enums are stored by name; parsing each of a million names would dominate a load.</summary>
    private sealed class EnumNames<T> where T : struct, Enum
    {
        private readonly Dictionary<string, T> _byName = Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

        public T Parse(string name) => _byName.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Unknown {typeof(T).Name} '{name}' in the benchmark entries.");
    }
}
