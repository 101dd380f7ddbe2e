using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Waypoint.Features.Authorities;

/// <summary>Marks a string property that takes the camelCase name of an enum (see <see cref="ApiNames"/>), so that the
/// OpenAPI document lists the names while the endpoint reads the string itself and answers a clear problem when
/// it is none of them.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ApiEnumAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}

internal static class OpenApiEnums
{
    public static void AddEnumSchemas(OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var attribute = context.JsonPropertyInfo?.AttributeProvider?
                .GetCustomAttributes(typeof(ApiEnumAttribute), inherit: true).OfType<ApiEnumAttribute>().FirstOrDefault();
            if (attribute is not null)
            {
                schema.Enum = Enum.GetNames(attribute.EnumType)
                    .Select(name => (JsonNode)JsonValue.Create(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name)))
                    .ToList();
            }
            return Task.CompletedTask;
        });

    public static void DescribeQueryParameter(OpenApiOperation operation, string name, IEnumerable<string> values)
    {
        var parameter = operation.Parameters?.FirstOrDefault(p => p.Name == name);
        if (parameter?.Schema is OpenApiSchema schema)
        {
            schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }
    }
}
