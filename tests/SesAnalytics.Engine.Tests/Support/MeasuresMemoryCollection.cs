namespace SesAnalytics.Engine.Tests.Support;

/// <summary>Tests that read the process's GC heap size run alone, after the parallel ones, so others don't skew them.</summary>
[CollectionDefinition(nameof(MeasuresMemoryCollection), DisableParallelization = true)]
public sealed class MeasuresMemoryCollection
{
}
