using System.Security.Claims;
using Waypoint.Infrastructure.Api;

namespace Waypoint.Features.Assessments;

/// <summary>The JSON API of assessments. Signed-in people only; in an organisation, viewers read, contributors and
/// admins answer, admins submit (decided by <see cref="Organisations.OrganisationAccess"/>); someone outside the
/// organisation gets 404. docs/assessments.md describes the concurrency rules.</summary>
internal static class AssessmentsApi
{
    public static void MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var assessments = app.MapApiV1("/assessments", "Assessments").RequireAuthorization();

        assessments.MapPost("/", Start)
            .WithSummary("Start an organisation's assessment for a round (contributors and admins)")
            .WithDescription("Body: organisationId, round (a calendar year: this year, or the year before; this year when left out), " +
                             "copyPrevious (true to start from the answers of the organisation's latest earlier round). 201 with the " +
                             "assessment; 409 with assessmentId when the organisation already has one for that round.")
            .Produces<AssessmentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        assessments.MapGet("/{id:guid}", Get)
            .WithSummary("An assessment: status, round, questionnaire version, answers with their versions, progress per section")
            .Produces<AssessmentDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        assessments.MapPut("/{id:guid}/answers/{questionKey}", SaveAnswer)
            .WithSummary("Answer one question (contributors and admins)")
            .WithDescription("A topic question takes level (1 to 5) or choice (dont_know or not_applicable); a general-information " +
                             "question takes value (a number at least its minimum, an option key, yes/no or true/false, a text of at " +
                             "most 500 characters). Both take note (at most 2,000 characters, kept as plain text) and evidenceUrl (an " +
                             "absolute http or https link). version is the answer's version you read, 0 when it had none. 200 with " +
                             "the answer and its new version; 409 with the current answer when yours was based on an older version " +
                             "(reason stale) or when the assessment is submitted (reason submitted).")
            .Produces<AnswerDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        assessments.MapPut("/{id:guid}/good-practices/{topicKey}", SaveGoodPractice)
            .WithSummary("Describe a good practice at the end of a topic (contributors and admins)")
            .WithDescription("Body: solutionName (at most 200 characters), url (http or https), achievement (at most 2,000 " +
                             "characters), version (0 when there was none). 409 with the current one when stale.")
            .Produces<GoodPracticeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        assessments.MapPost("/{id:guid}/submit", Submit)
            .WithSummary("Submit the assessment (the organisation's admins); afterwards it never changes")
            .WithDescription("200 with the submitted assessment, its submittedAt and submittedBy. 422 with missing (the required " +
                             "questions still unanswered) while it is incomplete; 409 when it is already submitted.")
            .Produces<AssessmentDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        assessments.MapGet("/{id:guid}/results", Results)
            .WithSummary("Scores: overall (score, level, topicsCovered) and per topic (score, level, answered, scoredQuestions)")
            .WithDescription("Computed as described in docs/scoring.md, on the questionnaire version the assessment was answered with. " +
                             "score is rounded to one decimal; scoreValue is unrounded. A topic with fewer than half of its questions " +
                             "answered with a level has no score.")
            .Produces<ResultsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        assessments.MapGet("/{id:guid}/export.csv", ExportCsv)
            .WithSummary("Answers and scores as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        assessments.MapGet("/{id:guid}/export.json", ExportJson)
            .WithSummary("Answers, good practices and scores as JSON")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var organisations = app.MapApiV1("/organisations", "Assessments").RequireAuthorization();
        organisations.MapGet("/{id:guid}/assessments", List)
            .WithSummary("An organisation's assessments, one per round, newest first")
            .Produces<OrganisationAssessmentsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Start(StartAssessmentRequest request, ClaimsPrincipal user, AssessmentService service,
        CancellationToken cancellationToken)
    {
        var outcome = await service.StartAsync(user, request, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/assessments/{outcome.Value!.Id}", outcome.Value)
            : outcome.Failure!.ToProblem();
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, AssessmentService service, CancellationToken cancellationToken) =>
        Answer(await service.GetAsync(user, id, cancellationToken));

    private static async Task<IResult> SaveAnswer(Guid id, string questionKey, SaveAnswerRequest request, ClaimsPrincipal user,
        AssessmentService service, CancellationToken cancellationToken) =>
        Answer(await service.SaveAnswerAsync(user, id, questionKey, request, cancellationToken));

    private static async Task<IResult> SaveGoodPractice(Guid id, string topicKey, SaveGoodPracticeRequest request, ClaimsPrincipal user,
        AssessmentService service, CancellationToken cancellationToken) =>
        Answer(await service.SaveGoodPracticeAsync(user, id, topicKey, request, cancellationToken));

    private static async Task<IResult> Submit(Guid id, ClaimsPrincipal user, AssessmentService service, CancellationToken cancellationToken) =>
        Answer(await service.SubmitAsync(user, id, cancellationToken));

    private static async Task<IResult> Results(Guid id, ClaimsPrincipal user, AssessmentService service, CancellationToken cancellationToken) =>
        Answer(await service.ResultsAsync(user, id, cancellationToken));

    private static async Task<IResult> List(Guid id, ClaimsPrincipal user, AssessmentService service, CancellationToken cancellationToken) =>
        Answer(await service.ListAsync(user, id, cancellationToken));

    private static async Task<IResult> ExportCsv(Guid id, ClaimsPrincipal user, AssessmentService service, CancellationToken cancellationToken)
    {
        var (assessment, results, failure) = await LoadForExportAsync(id, user, service, cancellationToken);
        if (failure is not null) return failure.ToProblem();
        var bytes = AssessmentExport.Csv(assessment!, service.QuestionnaireOf(assessment!), results!);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", AssessmentExport.FileName(assessment!, "csv"));
    }

    private static async Task<IResult> ExportJson(Guid id, ClaimsPrincipal user, AssessmentService service, CancellationToken cancellationToken)
    {
        var (assessment, results, failure) = await LoadForExportAsync(id, user, service, cancellationToken);
        if (failure is not null) return failure.ToProblem();
        return TypedResults.File(AssessmentExport.JsonDocument(assessment!, service.QuestionnaireOf(assessment!), results!),
            "application/json; charset=utf-8", AssessmentExport.FileName(assessment!, "json"));
    }

    private static async Task<(AssessmentDto?, ResultsDto?, AssessmentFailure?)> LoadForExportAsync(Guid id, ClaimsPrincipal user,
        AssessmentService service, CancellationToken cancellationToken)
    {
        var assessment = await service.GetAsync(user, id, cancellationToken);
        return assessment.Succeeded ? (assessment.Value, service.ResultsOf(assessment.Value!), null) : (null, null, assessment.Failure);
    }

    private static IResult Answer<T>(AssessmentOutcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure!.ToProblem();
}
