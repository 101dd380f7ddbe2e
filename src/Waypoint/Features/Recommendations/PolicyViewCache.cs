using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Waypoint.Features.Recommendations;

/// <summary>
/// Keeps each policy view (one round, country or region, and language) for <see cref="RecommendationOptions.PolicyCacheDuration"/>
/// after it was counted, so that coordinators paging through filters do not match every assessment of a group again on
/// each request. Expiry is absolute: a view is at most that old. Its own bounded cache, so that many filter combinations
/// never crowd out anything else.
/// </summary>
internal sealed class PolicyViewCache(IOptions<RecommendationOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>At most this many views are kept; beyond it the cache compacts itself.</summary>
    public const int MaximumViews = 2000;

    private readonly MemoryCache _views = new(new MemoryCacheOptions { SizeLimit = MaximumViews });

    public TimeSpan Duration => options.Value.PolicyCacheDuration;

    /// <summary>The view for these filters in the reader's language: the kept one while it is fresh, else counted now and kept.</summary>
    public async Task<PolicyViewDto> GetOrCountAsync(int? round, string? country, string? nuts2, Func<Task<PolicyViewDto>> count)
    {
        if (Duration <= TimeSpan.Zero) return await count();
        var key = (round, country, nuts2, CultureInfo.CurrentUICulture.Name);
        var now = clock.GetUtcNow();
        if (_views.TryGetValue(key, out PolicyViewDto? kept) && kept is not null && now - kept.CountedAt < Duration) return kept;
        var view = await count();
        _views.Set(key, view, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Duration });
        return view;
    }

    public void Dispose() => _views.Dispose();
}
