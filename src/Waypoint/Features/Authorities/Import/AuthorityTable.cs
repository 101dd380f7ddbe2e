using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waypoint.Data;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities.Import;

/// <summary>A row of the directory as the import writes it: the reference columns only (status is always Active
/// for new rows and is never touched on update; proposal columns belong to other public bodies).</summary>
internal sealed record AuthorityRow(
    int Id,
    string Code,
    AuthorityType Type,
    int? NutsLevel,
    string Name,
    string SearchName,
    string CountryCode,
    string? NutsCode,
    long? Population,
    double? AreaKm2,
    int? ParentId);

/// <summary>The table and column names of <see cref="Authority"/> as the EF model maps them, so that the raw
/// bulk paths of the import stay in step with the model.</summary>
internal sealed class AuthorityTable
{
    public AuthorityTable(WaypointDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Authority))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        Name = Quote(entity.GetTableName()!);
        Id = Column(nameof(Authority.Id));
        Status = Column(nameof(Authority.Status));
        Columns =
        [
            Column(nameof(Authority.Code)), Column(nameof(Authority.Type)), Column(nameof(Authority.NutsLevel)),
            Column(nameof(Authority.Name)), Column(nameof(Authority.SearchName)), Column(nameof(Authority.CountryCode)),
            Column(nameof(Authority.NutsCode)), Column(nameof(Authority.Population)), Column(nameof(Authority.AreaKm2)),
            Column(nameof(Authority.ParentId)),
        ];
    }

    /// <summary>Both SQLite and PostgreSQL quote identifiers with double quotes.</summary>
    private static string Quote(string identifier) => "\"" + identifier + "\"";

    public string Name { get; }
    public string Id { get; }
    public string Status { get; }

    /// <summary>The reference columns, in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The values of the reference columns of a row, in the order of <see cref="Columns"/>; enums by name, as the model stores them.</summary>
    public static object?[] Values(AuthorityRow row) =>
    [
        row.Code, row.Type.ToString(), row.NutsLevel, row.Name, row.SearchName, row.CountryCode,
        row.NutsCode, row.Population, row.AreaKm2, row.ParentId,
    ];
}
