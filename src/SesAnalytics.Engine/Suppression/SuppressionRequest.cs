namespace SesAnalytics.Engine.Suppression;

/// <summary>One address to put on the suppression list, and why (BOUNCE or COMPLAINT).</summary>
public sealed record SuppressionRequest(string EmailAddress, string Reason);
