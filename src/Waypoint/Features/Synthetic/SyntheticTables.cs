using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waypoint.Data;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Synthetic;

/// <summary>The table and column names of an entity as the EF model maps them, quoted, so that the raw bulk paths stay
/// in step with the model.</summary>
internal sealed class ModelTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;

    public ModelTable(IModel model, Type type) : this(model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model."))
    {
    }

    public ModelTable(IEntityType entity)
    {
        _entity = entity;
        _table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Name = Quote(entity.GetTableName()!);
    }

    /// <summary>Both SQLite and PostgreSQL quote identifiers with double quotes.</summary>
    public static string Quote(string identifier) => "\"" + identifier + "\"";

    public string Name { get; }

    public string this[string property] => Column(_entity.FindProperty(property) ?? throw new InvalidOperationException($"{_entity.DisplayName()} has no property {property}."));

    public string Column(IProperty property) => Quote(property.GetColumnName(_table)!);

    public string Columns(params string[] properties) => string.Join(", ", properties.Select(p => this[p]));
}

/// <summary>
/// Removes every row that belongs to a synthetic organisation: the organisations and, before them, whatever refers to
/// them, found by following the foreign keys of the EF model (assessments, their answers, benchmark entries and their
/// topic scores, targets, memberships…), so that a feature that adds a table referring to organisations or
/// assessments is covered without changing this class. Real organisations and what refers to them are never touched.
/// </summary>
internal static class SyntheticRemoval
{
    /// <summary>DELETE statements, dependants before what they refer to.</summary>
    public static IReadOnlyList<(string Table, string Sql)> Statements(IModel model)
    {
        var organisation = model.FindEntityType(typeof(Organisation))!;
        var organisations = new ModelTable(organisation);
        var root = $"SELECT {organisations[nameof(Organisation.Id)]} FROM {organisations.Name} WHERE {organisations[nameof(Organisation.IsSynthetic)]} = TRUE";
        var statements = new List<(int Depth, string Table, string Sql)>
        {
            (0, organisations.Name, $"DELETE FROM {organisations.Name} WHERE {organisations[nameof(Organisation.IsSynthetic)]} = TRUE"),
        };
        Collect(model, organisation, root, 1, statements);
        return [.. statements.OrderByDescending(s => s.Depth).Select(s => (s.Table, s.Sql))];
    }

    /// <param name="keys">A query giving the primary keys of the synthetic rows of <paramref name="principal"/>.</param>
    private static void Collect(IModel model, IEntityType principal, string keys, int depth, List<(int, string, string)> statements)
    {
        if (depth > 6) throw new InvalidOperationException("The tables that refer to organisations nest deeper than expected; check for a cycle.");
        foreach (var foreignKey in model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).Where(fk => fk.PrincipalEntityType == principal))
        {
            var dependent = foreignKey.DeclaringEntityType;
            if (dependent == principal || dependent.IsOwned() || dependent.GetTableName() is null) continue;
            if (foreignKey.Properties.Count != 1 || !foreignKey.PrincipalKey.IsPrimaryKey())
                throw new InvalidOperationException($"{dependent.DisplayName()} refers to {principal.DisplayName()} with a composite or alternate key, which synthetic removal cannot follow yet.");
            var table = new ModelTable(dependent);
            var where = $"{table.Column(foreignKey.Properties[0])} IN ({keys})";
            statements.Add((depth, table.Name, $"DELETE FROM {table.Name} WHERE {where}"));
            if (dependent.FindPrimaryKey() is { Properties.Count: 1 } key)
            {
                Collect(model, dependent, $"SELECT {table.Column(key.Properties[0])} FROM {table.Name} WHERE {where}", depth + 1, statements);
            }
        }
    }

    public static async Task<int> RemoveAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (_, sql) in Statements(db.Model))
        {
            removed += await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
        return removed;
    }
}
