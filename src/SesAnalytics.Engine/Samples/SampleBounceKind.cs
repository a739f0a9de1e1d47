namespace SesAnalytics.Engine.Samples;

/// <summary>One kind of bounce SES reports, as it appears in the record. <see cref="FromRemoteServer"/> is false when
/// SES itself refused (suppression lists): then there is no remote MTA.</summary>
internal sealed record SampleBounceKind(string Type, string SubType, string Status, string DiagnosticCode, int PerMille, bool FromRemoteServer);
