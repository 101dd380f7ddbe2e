namespace Waypoint.Features.PeerQuestions;

/// <summary>Ask a peer: questions on a topic answered by members of other organisations.</summary>
internal static class PeerQuestionsRegistration
{
    public static WebApplicationBuilder AddPeerQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PeerQuestionEmails>();
        builder.Services.AddScoped<PeerQuestionService>();
        return builder;
    }

    public static void MapPeerQuestions(this WebApplication app) => app.MapPeerQuestionsApi();
}
