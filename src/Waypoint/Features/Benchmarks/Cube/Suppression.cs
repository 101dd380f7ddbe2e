namespace Waypoint.Features.Benchmarks.Cube;

/// <summary>
/// Decides which groups' figures may be shown, by the rules of docs/privacy.md: (1) a group of fewer than the
/// minimum is hidden; (2) a group is hidden when a coarser group differs from it by fewer than the minimum
/// organisations (their difference would describe those few); (3) when a group is split along one dimension and the
/// hidden parts add up to fewer than the minimum, the smallest shown part is hidden too, until they do (otherwise the
/// hidden remainder could be computed from the parent and the shown parts). The rules repeat until nothing changes.
/// Works on counts only, so it is the same for every statistic derived from a group.
/// </summary>
internal static class Suppression
{
    public enum Reason : byte
    {
        None,
        /// <summary>Fewer organisations than the minimum.</summary>
        TooFew,
        /// <summary>Enough organisations, but showing it would let someone compute a smaller group by difference.</summary>
        Differencing,
    }

    public static Reason[] Decide(CubeLayout layout, float[]?[] cells, int minimum)
    {
        var count = new int[cells.Length];
        var reasons = new Reason[cells.Length];
        for (var cell = 0; cell < cells.Length; cell++)
        {
            count[cell] = cells[cell]?.Length ?? 0;
            if (count[cell] < minimum) reasons[cell] = Reason.TooFew;
        }

        bool changed;
        do
        {
            changed = false;
            for (var cell = 0; cell < cells.Length; cell++)
            {
                if (reasons[cell] != Reason.None) continue;
                foreach (var ancestor in layout.AncestorsOf(cell))
                {
                    var difference = count[ancestor] - count[cell];
                    if (difference > 0 && difference < minimum)
                    {
                        reasons[cell] = Reason.Differencing;
                        changed = true;
                        break;
                    }
                }
            }
            for (var parent = 0; parent < cells.Length; parent++)
            {
                if (count[parent] == 0) continue;
                foreach (var children in layout.SplitsOf(parent))
                {
                    changed |= ProtectHiddenRemainder(children, count, reasons, count[parent], minimum);
                }
            }
        }
        while (changed);
        return reasons;
    }

    /// <summary>Rule 3 for one split: hides the smallest shown children until the hidden remainder is none or enough.</summary>
    private static bool ProtectHiddenRemainder(int[] children, int[] count, Reason[] reasons, int parentCount, int minimum)
    {
        var changed = false;
        while (true)
        {
            var shown = 0;
            var smallest = -1;
            foreach (var child in children)
            {
                if (reasons[child] != Reason.None) continue;
                shown += count[child];
                if (smallest < 0 || count[child] < count[smallest]) smallest = child;
            }
            var hidden = parentCount - shown; // includes members of no child (an authority without a region)
            if (hidden == 0 || hidden >= minimum || smallest < 0) return changed;
            reasons[smallest] = Reason.Differencing;
            changed = true;
        }
    }
}
