using System.Net;
using System.Text.RegularExpressions;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Api;

public sealed partial class ApiReferenceTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    [Fact]
    public async Task The_api_reference_is_served_from_the_application_with_a_policy_that_allows_only_its_own_origin()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var sources = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, src => Assert.DoesNotContain("//", src, StringComparison.Ordinal));
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        var nonce = Nonce().Match(html).Groups[1].Value;
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", policy, StringComparison.Ordinal);

        var script = await client.GetAsync("/api/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Json_endpoints_under_api_v1_keep_the_strict_policy()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/questionnaires/9.9");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_questionnaire_endpoints()
    {
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/questionnaires/current", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/questionnaires/{version}", document, StringComparison.Ordinal);
        Assert.Contains("The questionnaire new assessments use", document, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();
}
