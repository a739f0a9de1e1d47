namespace SesAnalytics.Engine.Tests.Support;

/// <summary>
/// Tests that read a million-line object and time how soon stopping interrupts DuckDB run alone, after the parallel
/// ones: on two cores, other tests reading beside them decided their bound.
/// </summary>
[CollectionDefinition(nameof(StopsDuckDbCollection), DisableParallelization = true)]
public sealed class StopsDuckDbCollection
{
}
