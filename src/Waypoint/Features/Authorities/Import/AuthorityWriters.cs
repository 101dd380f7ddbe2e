using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Waypoint.Data;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities.Import;

/// <summary>
/// Writes imported rows in bulk inside the import's transaction. EF Core's change tracker took 34 s to insert the
/// 96,747 rows of a first import on SQLite on a busy 2-core machine (measured; the budget is 30 s), so the import
/// writes through ADO.NET: one prepared command reused for every row on SQLite, binary COPY on PostgreSQL.
/// </summary>
internal abstract class AuthorityWriter(WaypointDbContext db)
{
    protected WaypointDbContext Db { get; } = db;
    protected AuthorityTable Table { get; } = new(db);

    public static AuthorityWriter For(WaypointDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresAuthorityWriter(db) : new SqliteAuthorityWriter(db);

    public abstract Task InsertAsync(IReadOnlyList<AuthorityRow> rows, CancellationToken cancellationToken);

    public abstract Task UpdateAsync(IReadOnlyList<AuthorityRow> rows, CancellationToken cancellationToken);

    protected DbTransaction Transaction =>
        Db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The import writes inside a transaction.");
}

/// <summary>SQLite is in-process: a prepared statement executed once per row in one transaction is as fast as it gets.</summary>
internal sealed class SqliteAuthorityWriter(WaypointDbContext db) : AuthorityWriter(db)
{
    public override Task InsertAsync(IReadOnlyList<AuthorityRow> rows, CancellationToken cancellationToken)
    {
        var columns = Table.Columns.Append(Table.Status).ToList();
        var sql = $"INSERT INTO {Table.Name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var status = nameof(AuthorityStatus.Active);
        return ExecuteForEachAsync(sql, columns.Count, rows, row => [.. AuthorityTable.Values(row), status], cancellationToken);
    }

    public override Task UpdateAsync(IReadOnlyList<AuthorityRow> rows, CancellationToken cancellationToken)
    {
        var assignments = Table.Columns.Select((c, i) => $"{c} = $p{i}");
        var idParameter = "$p" + Table.Columns.Count;
        var sql = $"UPDATE {Table.Name} SET {string.Join(", ", assignments)} WHERE {Table.Id} = {idParameter}";
        return ExecuteForEachAsync(sql, Table.Columns.Count + 1, rows, row => [.. AuthorityTable.Values(row), row.Id], cancellationToken);
    }

    private async Task ExecuteForEachAsync(string sql, int parameterCount, IReadOnlyList<AuthorityRow> rows,
        Func<AuthorityRow, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        await using var command = Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$p" + i;
            command.Parameters.Add(parameter);
        }
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < rowValues.Length; i++) command.Parameters[i].Value = rowValues[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>PostgreSQL is across a socket: binary COPY streams all rows in one round trip. Updates are copied into a
/// temporary table and applied with one UPDATE … FROM. Values are written in the order of <see cref="AuthorityTable.Columns"/>.</summary>
internal sealed class PostgresAuthorityWriter(WaypointDbContext db) : AuthorityWriter(db)
{
    private NpgsqlConnection Connection => (NpgsqlConnection)Db.Database.GetDbConnection();

    public override async Task InsertAsync(IReadOnlyList<AuthorityRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var columns = string.Join(", ", Table.Columns.Append(Table.Status));
        await using var writer = await Connection.BeginBinaryImportAsync($"COPY {Table.Name} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var status = nameof(AuthorityStatus.Active);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await WriteValuesAsync(writer, row, cancellationToken);
            await writer.WriteAsync(status, NpgsqlDbType.Varchar, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    public override async Task UpdateAsync(IReadOnlyList<AuthorityRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        const string staging = "authority_import";
        var columns = string.Join(", ", Table.Columns.Prepend(Table.Id));
        await ExecuteAsync($"CREATE TEMPORARY TABLE {staging} AS SELECT {columns} FROM {Table.Name} WITH NO DATA", cancellationToken);
        await using (var writer = await Connection.BeginBinaryImportAsync($"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(row.Id, NpgsqlDbType.Integer, cancellationToken);
                await WriteValuesAsync(writer, row, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
        var assignments = string.Join(", ", Table.Columns.Select(c => $"{c} = s.{c}"));
        await ExecuteAsync($"UPDATE {Table.Name} AS a SET {assignments} FROM {staging} AS s WHERE a.{Table.Id} = s.{Table.Id}", cancellationToken);
        await ExecuteAsync($"DROP TABLE {staging}", cancellationToken);
    }

    private static async Task WriteValuesAsync(NpgsqlBinaryImporter writer, AuthorityRow row, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(row.Code, NpgsqlDbType.Varchar, cancellationToken);
        await writer.WriteAsync(row.Type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
        await WriteAsync(writer, row.NutsLevel, NpgsqlDbType.Integer, cancellationToken);
        await writer.WriteAsync(row.Name, NpgsqlDbType.Varchar, cancellationToken);
        await writer.WriteAsync(row.SearchName, NpgsqlDbType.Varchar, cancellationToken);
        await writer.WriteAsync(row.CountryCode, NpgsqlDbType.Varchar, cancellationToken);
        if (row.NutsCode is null) await writer.WriteNullAsync(cancellationToken);
        else await writer.WriteAsync(row.NutsCode, NpgsqlDbType.Varchar, cancellationToken);
        await WriteAsync(writer, row.Population, NpgsqlDbType.Bigint, cancellationToken);
        await WriteAsync(writer, row.AreaKm2, NpgsqlDbType.Double, cancellationToken);
        await WriteAsync(writer, row.ParentId, NpgsqlDbType.Integer, cancellationToken);
    }

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } v) await writer.WriteAsync(v, type, cancellationToken);
        else await writer.WriteNullAsync(cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
