namespace SesAnalytics.Engine.Deployment;

/// <summary>The outcomes the SES mailbox simulator produces, one address each.</summary>
public enum SimulatorScenario
{
    Success,
    Bounce,
    Complaint,
    OutOfTheOffice,
    SuppressionList,
}
