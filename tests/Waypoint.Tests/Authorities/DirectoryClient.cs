using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Waypoint.Tests.Authorities;

public sealed record AuthorityItemBody(int Id, string Name, string Country, string Type, long? Population, string? NutsCode, int? ParentId);

public sealed record AuthorityListBody(List<AuthorityItemBody> Items, int Page, int PageSize, int Total);

public sealed record AuthorityDetailsBody(int Id, string Code, string Name, string Country, string Type, int? NutsLevel, string? NutsCode,
    long? Population, double? AreaKm2, string? Kind, int? ParentId, List<AuthorityItemBody> Parents, bool HasOrganisation);

public sealed record ProposalBody(int Id, string Name, string Kind, string Country, int? ParentId, string Status);

public sealed record ProblemBody(string? Title, string? Detail, int Status, Dictionary<string, string[]>? Errors);

internal static partial class DirectoryClient
{
    public static async Task<AuthorityListBody> SearchAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/authorities?" + query);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuthorityListBody>())!;
    }

    /// <summary>The antiforgery token of the first form of a page, as a browser would send it back.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenField().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
