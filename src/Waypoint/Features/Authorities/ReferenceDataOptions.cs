namespace Waypoint.Features.Authorities;

/// <summary>Bound from <c>ReferenceData:</c>. The CSV files ship with the application in its <c>ReferenceData/</c> folder.</summary>
internal sealed class ReferenceDataOptions
{
    public const string Section = "ReferenceData";

    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "ReferenceData");
}
