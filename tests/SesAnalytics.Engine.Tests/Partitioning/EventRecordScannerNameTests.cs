using System.Text;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Partitioning;

/// <summary>
/// Names and event types that the fast path compares byte for byte: ones a byte shorter, longer or different (also past
/// the first eight bytes) are other members or other types, answered as the general evaluator answers them.
/// </summary>
public sealed class EventRecordScannerNameTests
{
    private const string Mail = "{\"timestamp\":\"2026-11-01T00:00:12.627Z\",\"tags\":{\"ses:sender-identity\":[\"example.com\"]}}";

    public static TheoryData<string> NearNames =>
    [
        "eventTyp", "eventTypes", "eventtype", "EventType", "mai", "mails", "Mail", "tag", "tagsx", "timestam", "timestamps",
        "Message ", "Messag", "notificationTyp", "notificationTypeX", "bounc", "bounces", "deliveryDela", "deliveryDelayed",
        "ses:sender-identit", "ses:sender-identityx", "ses:sender-identitx", "ses:Sender-identity", "ses:sender_identity",
    ];

    public static TheoryData<string> NearTypes =>
    [
        "Bounce", "Bounc", "Bouncee", "bounce", "BOUNCE", "Bounce ", "Delivery", "Deliverx", "DeliveryDelay", "DeliveryDelax",
        "Rendering Failure", "Rendering Failurx", "Rendering failure", "Subscription", "Subscriptioo", "Click", "Clock", "Open",
        "Opens", "Send", "Sent", "Reject", "Complaint", "Complaints", "",
    ];

    [Theory]
    [MemberData(nameof(NearNames))]
    public void NamesNearTheOnesItLooksForAreOtherMembers(string name)
    {
        foreach (string record in new[]
        {
            $"{{\"eventType\":\"Bounce\",\"{name}\":{{\"timestamp\":\"2001-01-01T00:00:00.000Z\"}},\"mail\":{Mail},\"bounce\":{{\"timestamp\":\"2026-11-01T00:00:13.001Z\"}}}}",
            $"{{\"eventType\":\"Bounce\",\"mail\":{{\"tags\":{{\"{name}\":[\"other.example\"],\"ses:sender-identity\":[\"example.com\"]}},\"{name}\":\"2002-02-02T00:00:00.000Z\"}}}}",
            $"{{\"{name}\":\"Send\",\"eventType\":\"DeliveryDelay\",\"mail\":{Mail},\"deliveryDelay\":{{\"{name}\":\"2003-03-03T00:00:00.000Z\"}}}}",
        })
        {
            Assert.True(EventRecordScannerTests.AssertSameAsGeneral(Encoding.UTF8.GetBytes(record)), $"Declined: {record}");
        }
    }

    [Theory]
    [MemberData(nameof(NearTypes))]
    public void EventTypesNearTheWireNamesAreAnsweredAsTheGeneralEvaluatorDoes(string type)
    {
        string details = "\"bounce\":{\"timestamp\":\"2026-11-01T00:00:13.001Z\"},\"deliveryDelay\":{\"timestamp\":\"2026-11-02T00:00:00.000Z\"}"
            + ",\"subscription\":{\"timestamp\":\"2026-11-03T00:00:00.000Z\"},\"click\":{\"timestamp\":\"2026-11-04T00:00:00.000Z\"}"
            + ",\"open\":{\"timestamp\":\"2026-11-05T00:00:00.000Z\"},\"complaint\":{\"timestamp\":\"2026-11-06T00:00:00.000Z\"}"
            + ",\"delivery\":{\"timestamp\":\"2026-11-07T00:00:00.000Z\"},\"reject\":{\"timestamp\":\"2026-11-08T00:00:00.000Z\"}";
        byte[] record = Encoding.UTF8.GetBytes($"{{\"eventType\":\"{type}\",\"mail\":{Mail},{details}}}");

        Assert.True(EventRecordScannerTests.AssertSameAsGeneral(record), $"Declined: {Encoding.UTF8.GetString(record)}");
        Assert.True(EventRecordScanner.TryScan(record, out ScannedRecord scanned));
        Assert.Equal(type, scanned.Keys.EventType);
    }
}
