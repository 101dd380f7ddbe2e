using System.Net.Http.Json;
using System.Text.Json;

namespace Waypoint.Tests.Accounts;

internal static class Json
{
    public static JsonContent Body(object value) => JsonContent.Create(value);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());
}
