namespace SesAnalytics.Fakes.SesV2;

/// <summary>An entry of the fake's suppression list: what GetSuppressedDestination answers for the address.</summary>
public sealed record FakeSuppressedAddress(string EmailAddress, string Reason, DateTime LastUpdateTime, string? MessageId = null, string? FeedbackId = null);
