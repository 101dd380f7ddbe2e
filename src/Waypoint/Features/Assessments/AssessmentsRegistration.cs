namespace Waypoint.Features.Assessments;

internal static class AssessmentsRegistration
{
    public static WebApplicationBuilder AddAssessments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AssessmentService>();
        return builder;
    }

    public static void MapAssessments(this WebApplication app) => app.MapAssessmentsApi();
}
