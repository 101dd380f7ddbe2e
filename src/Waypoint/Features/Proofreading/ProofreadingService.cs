using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Data.Proofreading;
using Waypoint.Features.Questionnaires.Translations;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>
/// Suggestions of wording by members, and their review by editors. Accepting a suggestion makes it the language's
/// wording for the string (an override over the PO file), keeps the previous wording in the string's history, and
/// moves the version counter so that every node shows the new wording.
/// </summary>
internal sealed class ProofreadingService(
    WaypointDbContext db,
    ProofreadTexts texts,
    TranslationOverrides overrides,
    Languages languages,
    DatabaseWriteGate writeGate,
    TimeProvider clock,
    IOptions<ProofreadingOptions> options,
    IStringLocalizer<Program> localizer)
{
    public const int MaximumReasonLength = 500;

    /// <summary>The language a member may propose wording in: an official language other than English, the source.</summary>
    public bool IsTranslatedLanguage(string? language) =>
        languages.IsSupported(language) && !string.Equals(language, Languages.Default, StringComparison.OrdinalIgnoreCase);

    public async Task<Outcome<SuggestionDto>> SuggestAsync(string userId, SuggestRequest request, CancellationToken cancellationToken)
    {
        if (!IsTranslatedLanguage(request.Language))
            return Refusal.Invalid("language", localizer["Choose one of the official languages other than English: English is the source text."]);
        var language = languages.Find(request.Language)!.Code;
        if (request.Key is not { } key || !texts.IsKnown(key))
            return Refusal.Invalid("key", localizer["Waypoint has no such text, in its interface or its questionnaire: open the page again and propose from its list."]);
        var page = request.Page?.Trim();
        if (page is { Length: 0 }) page = null;
        if (page is not null && !IsLocalPath(page))
            return Refusal.Invalid("page", localizer["The page must be a path of Waypoint starting with /, at most {0} characters.", ProofreadingLimitsPage]);
        // Kept without ids, like the page lists of suggest wording: editors see which page, not whose.
        if (page is not null) page = PageKeys.Of(page);

        var text = WordingRules.Normalise(request.Text);
        var current = texts.Find(language, key);
        var problems = WordingRules.Check(texts.SourceOf(key), current, text, localizer);
        if (problems.Count > 0) return Refusal.Invalid("text", problems);

        var now = clock.GetUtcNow();
        var windowStart = now.AddHours(-1);
        var limit = options.Value.SuggestionsPerHour;
        // Ids are version-7 GUIDs, which sort by creation time in both databases (SQLite cannot compare DateTimeOffset
        // in SQL): the member's last `limit` suggestions are enough to know whether the hour is used up.
        var recent = (await db.WordingSuggestions.AsNoTracking().Where(s => s.AuthorId == userId)
                .OrderByDescending(s => s.Id).Take(limit).Select(s => s.CreatedAt).ToListAsync(cancellationToken))
            .Where(at => at > windowStart).Order().ToList();
        if (recent.Count >= limit)
        {
            return new Refusal(RefusalKind.TooMany,
                localizer["You have sent {0} suggestions in the last hour, the most an hour allows. Try again later; what you wrote is not saved.", limit])
            { RetryAfter = recent[0].AddHours(1) - now };
        }
        if (await db.WordingSuggestions.AnyAsync(s => s.AuthorId == userId && s.Language == language && s.Key == key
                && s.Status == SuggestionStatus.Pending && s.Text == text, cancellationToken))
            return new Refusal(RefusalKind.Conflict, localizer["You already proposed this wording; it is waiting for an editor."]);

        var suggestion = new WordingSuggestion
        {
            Id = Guid.CreateVersion7(),
            Language = language,
            Key = key,
            Text = text,
            PreviousText = current ?? "",
            Page = page,
            AuthorId = userId,
            CreatedAt = now,
            Status = SuggestionStatus.Pending,
        };
        using (await writeGate.EnterAsync(cancellationToken))
        {
            db.WordingSuggestions.Add(suggestion);
            await db.SaveChangesAsync(cancellationToken);
        }
        return (await ListAsync(db.WordingSuggestions.Where(s => s.Id == suggestion.Id), cancellationToken))[0];
    }

    private const int ProofreadingLimitsPage = 300;

    private static bool IsLocalPath(string page) =>
        page.Length <= ProofreadingLimitsPage && page.StartsWith('/') && !page.StartsWith("//", StringComparison.Ordinal)
        && !page.Contains('\\', StringComparison.Ordinal) && !page.Any(char.IsControl);

    /// <param name="questionnaire">True: only questionnaire texts; false: only interface strings; null: both.</param>
    public Task<IReadOnlyList<SuggestionDto>> SuggestionsAsync(string? language, SuggestionStatus? status, CancellationToken cancellationToken,
        bool? questionnaire = null)
    {
        var query = db.WordingSuggestions.AsQueryable();
        if (language is not null) query = query.Where(s => s.Language == language);
        if (status is { } wanted) query = query.Where(s => s.Status == wanted);
        if (questionnaire is { } onlyQuestionnaire) query = query.Where(s => s.Key.StartsWith(QuestionnaireTexts.Prefix) == onlyQuestionnaire);
        return ListAsync(query, cancellationToken);
    }

    /// <summary>How many suggestions wait, by language.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PendingCountsAsync(CancellationToken cancellationToken) =>
        await db.WordingSuggestions.AsNoTracking().Where(s => s.Status == SuggestionStatus.Pending)
            .GroupBy(s => s.Language).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<Outcome<SuggestionDto>> AcceptAsync(string editorId, Guid suggestionId, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var suggestion = await db.WordingSuggestions.FirstOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
            if (suggestion is null) return new Refusal(RefusalKind.NotFound, localizer["There is no such suggestion."]);
            if (suggestion.Status != SuggestionStatus.Pending)
                return new Refusal(RefusalKind.Conflict, localizer["This suggestion was already decided; reload the list."]);

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var existing = await db.TranslationOverrides.FirstOrDefaultAsync(o => o.Language == suggestion.Language && o.Key == suggestion.Key, cancellationToken);
            var previous = existing?.Text ?? texts.FindInFile(suggestion.Language, suggestion.Key) ?? "";
            if (existing is null)
            {
                db.TranslationOverrides.Add(new TranslationOverride
                {
                    Language = suggestion.Language,
                    Key = suggestion.Key,
                    Text = suggestion.Text,
                    AcceptedById = editorId,
                    AcceptedAt = now,
                });
            }
            else
            {
                existing.Text = suggestion.Text;
                existing.AcceptedById = editorId;
                existing.AcceptedAt = now;
            }
            db.TranslationChanges.Add(new TranslationChange
            {
                Language = suggestion.Language,
                Key = suggestion.Key,
                Kind = TranslationChangeKind.Accepted,
                PreviousText = previous,
                Text = suggestion.Text,
                SuggestionId = suggestion.Id,
                ChangedById = editorId,
                ChangedAt = now,
            });
            await UpsertReviewAsync(suggestion.Language, suggestion.Key, suggestion.Text, editorId, now, cancellationToken);
            suggestion.Status = SuggestionStatus.Accepted;
            suggestion.DecidedById = editorId;
            suggestion.DecidedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await db.TranslationOverridesVersions.Where(v => v.Id == TranslationOverridesVersion.SingletonId)
                .ExecuteUpdateAsync(v => v.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // This node shows the new wording from the next request; the others within their refresh interval.
        await overrides.RefreshAsync(db, force: false, cancellationToken);
        return (await ListAsync(db.WordingSuggestions.Where(s => s.Id == suggestionId), cancellationToken))[0];
    }

    public async Task<Outcome<SuggestionDto>> RejectAsync(string editorId, Guid suggestionId, RejectRequest request, CancellationToken cancellationToken)
    {
        var reason = WordingRules.Normalise(request.Reason);
        if (reason.Length > MaximumReasonLength)
            return Refusal.Invalid("reason", localizer["Shorten the reason to at most {0} characters; it has {1}.", MaximumReasonLength, reason.Length]);
        if (WordingRules.ContainsMarkup(reason))
            return Refusal.Invalid("reason", localizer["Remove the markup (text between < and >, or character codes such as &amp;): write plain text only."]);

        using (await writeGate.EnterAsync(cancellationToken))
        {
            var suggestion = await db.WordingSuggestions.FirstOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
            if (suggestion is null) return new Refusal(RefusalKind.NotFound, localizer["There is no such suggestion."]);
            if (suggestion.Status != SuggestionStatus.Pending)
                return new Refusal(RefusalKind.Conflict, localizer["This suggestion was already decided; reload the list."]);
            suggestion.Status = SuggestionStatus.Rejected;
            suggestion.DecidedById = editorId;
            suggestion.DecidedAt = clock.GetUtcNow();
            suggestion.RejectionReason = reason.Length == 0 ? null : reason;
            await db.SaveChangesAsync(cancellationToken);
        }
        return (await ListAsync(db.WordingSuggestions.Where(s => s.Id == suggestionId), cancellationToken))[0];
    }

    /// <summary>Records that an editor read the current wording and found it right, without changing it.</summary>
    public async Task<Outcome<StringHistoryDto>> MarkProofreadAsync(string editorId, MarkProofreadRequest request, CancellationToken cancellationToken)
    {
        if (!IsTranslatedLanguage(request.Language))
            return Refusal.Invalid("language", localizer["Choose one of the official languages other than English: English is the source text."]);
        var language = languages.Find(request.Language)!.Code;
        if (request.Key is not { } key || !texts.IsKnown(key))
            return new Refusal(RefusalKind.NotFound, localizer["Waypoint has no such text, in its interface or its questionnaire."]);
        if (texts.Find(language, key) is not { } current)
            return Refusal.Invalid("key", localizer["This text has no translation yet: there is nothing to confirm. Propose a wording instead."]);

        var now = clock.GetUtcNow();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await UpsertReviewAsync(language, key, current, editorId, now, cancellationToken);
            db.TranslationChanges.Add(new TranslationChange
            {
                Language = language,
                Key = key,
                Kind = TranslationChangeKind.Proofread,
                PreviousText = current,
                Text = current,
                ChangedById = editorId,
                ChangedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return (await HistoryAsync(language, key, cancellationToken)).Value!;
    }

    public async Task<Outcome<StringHistoryDto>> HistoryAsync(string? language, string? key, CancellationToken cancellationToken)
    {
        if (!IsTranslatedLanguage(language))
            return Refusal.Invalid("language", localizer["Choose one of the official languages other than English: English is the source text."]);
        language = languages.Find(language)!.Code;
        if (key is null || !texts.IsKnown(key))
            return new Refusal(RefusalKind.NotFound, localizer["Waypoint has no such text, in its interface or its questionnaire."]);

        var changes = await db.TranslationChanges.AsNoTracking().Where(c => c.Language == language && c.Key == key)
            .OrderByDescending(c => c.Id)
            .Select(c => new TranslationChangeDto(c.Kind, c.PreviousText, c.Text,
                db.Users.Where(u => u.Id == c.ChangedById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                c.ChangedAt, c.SuggestionId))
            .ToListAsync(cancellationToken);
        var review = await db.TranslationReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Language == language && r.Key == key, cancellationToken);
        var current = texts.Find(language, key);
        var suggestions = await ListAsync(db.WordingSuggestions.Where(s => s.Language == language && s.Key == key), cancellationToken);
        return new StringHistoryDto(language, key, texts.SourceOf(key), texts.FindInFile(language, key), current,
            review is not null && current is not null && review.ReviewedText == current, changes, suggestions);
    }

    private async Task UpsertReviewAsync(string language, string key, string text, string editorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var review = await db.TranslationReviews.FirstOrDefaultAsync(r => r.Language == language && r.Key == key, cancellationToken);
        if (review is null)
        {
            db.TranslationReviews.Add(new TranslationReview { Language = language, Key = key, ReviewedText = text, ReviewedById = editorId, ReviewedAt = now });
            return;
        }
        review.ReviewedText = text;
        review.ReviewedById = editorId;
        review.ReviewedAt = now;
    }

    private async Task<IReadOnlyList<SuggestionDto>> ListAsync(IQueryable<WordingSuggestion> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .Select(s => new
            {
                Suggestion = s,
                AuthorName = db.Users.Where(u => u.Id == s.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                DecidedByName = db.Users.Where(u => u.Id == s.DecidedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Suggestion.CreatedAt).Select(r => new SuggestionDto(r.Suggestion.Id, r.Suggestion.Language, r.Suggestion.Key, texts.SourceOf(r.Suggestion.Key), r.Suggestion.Text,
            r.Suggestion.PreviousText, texts.Find(r.Suggestion.Language, r.Suggestion.Key) ?? "", r.Suggestion.Page, r.AuthorName ?? "",
            r.Suggestion.CreatedAt, r.Suggestion.Status, r.DecidedByName, r.Suggestion.DecidedAt, r.Suggestion.RejectionReason))];
    }
}
