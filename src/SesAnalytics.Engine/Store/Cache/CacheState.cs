namespace SesAnalytics;

/// <summary>Whether a store folder's columnar cache can be read instead of its objects.</summary>
public enum CacheState
{
    /// <summary>It holds exactly the folder's objects as they are now: queries read it.</summary>
    Fresh,

    /// <summary>The folder's objects changed since it was built (or the cache's schema did): it is not read.</summary>
    Stale,

    /// <summary>There is none.</summary>
    Missing,

    /// <summary>Its files are not what was written: it is not read.</summary>
    Damaged,

    /// <summary>An object of the folder does not read cleanly, so its objects are read, and their problems reported, each time.</summary>
    Unbuildable,

    /// <summary>Its store folder holds no objects any more (they were deleted or moved): only Remove-SesEventCache uses it.</summary>
    Orphaned,
}
