using Microsoft.Extensions.Localization;
using Waypoint.Features.GoodPractices;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.PeerQuestions;

/// <summary>Tells the asker, in their language, that a peer answered their question, with a link to it.</summary>
internal sealed class PeerQuestionEmails(GoodPracticeEmails sender, IStringLocalizer<Program> localizer, PublicUrls urls)
{
    public Task AnsweredAsync(string to, string? language, Guid questionId, string title, string answeringAuthority, CancellationToken cancellationToken) =>
        sender.SendAsync(to, language, () => (
            localizer["A peer answered your question \"{0}\"", title],
            localizer["Someone from {0} answered your question \"{1}\" on Waypoint. Read the answer at {2}", answeringAuthority, title, urls.Absolute($"/questions/{questionId}").AbsoluteUri]),
            cancellationToken);
}
