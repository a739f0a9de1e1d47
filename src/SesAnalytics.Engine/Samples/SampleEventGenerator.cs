using System.Globalization;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Samples;

/// <summary>
/// Realistic SES event records for demos, tests and benchmarks: several identities, mostly Send and Delivery, a few
/// bounces, rare complaints, opens, clicks, delays, rejects, rendering failures and subscriptions, spread evenly over
/// <see cref="Days"/> days from <see cref="Start"/>, never after <see cref="NotAfter"/> (now): a range that reaches into
/// today ends at the current time. The same settings always give the same records, on every platform, as long as the
/// range lies in the past. Records are produced one at a time, so any count streams in constant memory.
/// </summary>
public sealed class SampleEventGenerator
{
    // Chances per message; bounces come to a few percent of sends and complaints stay well under one percent.
    private const double RejectRate = 0.004;
    private const double RenderingFailureRate = 0.004;
    private const double PermanentBounceRate = 0.015;
    private const double TransientBounceRate = 0.008;
    private const double DelayRate = 0.012;
    private const double DelayThenBounceRate = 0.2;
    private const double ComplaintRate = 0.003;
    private const double OpenRate = 0.3;
    private const double ClickRate = 0.3;
    private const double SecondOpenRate = 0.15;
    private const double SubscriptionRate = 0.005;

    private static readonly TimeSpan LastSendBeforeEnd = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<string> DefaultIdentities { get; } = ["example.com", "mail.example.org", "alerts@example.net"];

    public int Seed { get; init; } = 1;

    /// <summary>The first UTC day events fall on.</summary>
    public DateOnly Start { get; init; } = Clock.Today.AddDays(-6);

    public int Days { get; init; } = 7;

    /// <summary>The latest time an event may have: sample events never happen in the future.</summary>
    public DateTimeOffset NotAfter { get; init; } = Clock.UtcNow;

    /// <summary>Verified identities: domains (<c>example.com</c>) or email addresses (<c>alerts@example.net</c>).</summary>
    public IReadOnlyList<string> Identities { get; init; } = DefaultIdentities;

    /// <summary>The share of messages (0 to 1) whose records lack the <c>ses:sender-identity</c> tag.</summary>
    public double MissingIdentityFraction { get; init; }

    /// <summary>The records as SES writes them to Firehose: one JSON object per line, without the line break.</summary>
    public IEnumerable<string> GenerateLines(int count, CancellationToken cancellationToken = default)
    {
        Validate(count);
        return Lines(count, cancellationToken);
    }

    /// <summary>The same records as <see cref="GenerateLines"/>, parsed.</summary>
    public IEnumerable<SesEvent> Generate(int count, CancellationToken cancellationToken = default) =>
        GenerateLines(count, cancellationToken).Select(SesEventParser.Parse);

    private DateTimeOffset StartTime => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private void Validate(int count)
    {
        if (count < 0)
        {
            throw new InvalidInputException("InvalidSampleCount", $"The sample count {count} is negative: ask for zero or more events.", count);
        }

        if (Days < 1)
        {
            throw new InvalidInputException("InvalidSampleDays", $"The sample range of {Days} days is empty: give one day or more.", Days);
        }

        if (StartTime > NotAfter)
        {
            throw new InvalidInputException(
                "SampleStartInFuture",
                string.Create(CultureInfo.InvariantCulture, $"The sample range starts on {Start:yyyy-MM-dd}, after the current time ({NotAfter.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z): sample events never happen in the future. Give a start date of today or earlier."),
                Start);
        }

        if (Identities.Count == 0 || Identities.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidInputException("InvalidSampleIdentity", "Every sample identity must be a domain or an email address; an empty one was given.", Identities);
        }

        if (MissingIdentityFraction is < 0 or > 1 || double.IsNaN(MissingIdentityFraction))
        {
            throw new InvalidInputException(
                "InvalidMissingIdentityFraction",
                $"The share of records without an identity tag must be between 0 and 1, not {MissingIdentityFraction.ToString(CultureInfo.InvariantCulture)}.",
                MissingIdentityFraction);
        }
    }

    private IEnumerable<string> Lines(int count, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        SampleSender[] senders = Identities.Select(SampleSender.For).ToArray();
        DateTimeOffset start = StartTime;
        DateTimeOffset end = start.AddDays(Days);
        DateTimeOffset notAfter = new(NotAfter.UtcTicks - (NotAfter.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        DateTimeOffset last = end.AddMilliseconds(-1) < notAfter ? end.AddMilliseconds(-1) : notAfter;
        long sendTicks = Math.Max(0, ((end < notAfter ? end : notAfter) - start - LastSendBeforeEnd).Ticks);
        var planned = new List<PlannedEvent>(8);
        using var writer = new SampleRecordWriter();
        int produced = 0;
        while (produced < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Messages move through the range as the records do, with a minute of jitter.
            var sent = new DateTimeOffset(
                start.Ticks + (long)(sendTicks * ((double)produced / count)) + random.NextInt64(TimeSpan.TicksPerMinute),
                TimeSpan.Zero);
            sent = new DateTimeOffset(sent.Ticks - (sent.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            sent = sent < last ? sent : last;
            SampleMessage message = NewMessage(senders[random.Next(senders.Length)], sent, random);
            planned.Clear();
            Plan(message, last, random, planned);
            foreach (PlannedEvent item in planned)
            {
                if (produced == count)
                {
                    yield break;
                }

                produced++;
                yield return writer.Write(message, item, random);
            }
        }
    }

    private SampleMessage NewMessage(SampleSender sender, DateTimeOffset sent, Random random)
    {
        string name = SampleCatalog.Pick(SampleCatalog.RecipientNames, random);
        string recipient = random.Next(3) == 0
            ? name + "@" + SampleCatalog.Pick(SampleCatalog.RecipientDomains, random)
            : string.Create(CultureInfo.InvariantCulture, $"{name}.{random.Next(1, 9999)}@{SampleCatalog.Pick(SampleCatalog.RecipientDomains, random)}");
        string messageId = string.Create(
            CultureInfo.InvariantCulture,
            $"0100{sent.ToUnixTimeMilliseconds():x12}-{random.Next():x8}-{random.Next(0x10000):x4}-{random.Next(0x10000):x4}-{random.Next(0x10000):x4}-{random.NextInt64(0x1000000000000):x12}-000000");
        return new SampleMessage
        {
            Sender = sender,
            MessageId = messageId,
            Sent = sent,
            Recipient = recipient,
            Subject = SampleCatalog.Pick(SampleCatalog.Subjects[sender.Kind], random),
            Operation = SampleCatalog.Pick(SampleCatalog.Operations, random),
            TlsVersion = random.Next(5) == 0 ? "TLSv1.2" : "TLSv1.3",
            OutgoingIp = "192.0.2." + random.Next(1, 255).ToString(CultureInfo.InvariantCulture),
            ReportingMta = string.Create(CultureInfo.InvariantCulture, $"a{random.Next(8, 48)}-{random.Next(1, 250)}.smtp-out.{SampleCatalog.Region}.amazonses.com"),
            Boundary = string.Create(CultureInfo.InvariantCulture, $"----=_Part_{random.Next(1, 9_999_999)}_{random.Next()}.{sent.ToUnixTimeMilliseconds()}"),
            TagsIdentity = random.NextDouble() >= MissingIdentityFraction,
        };
    }

    private static void Plan(SampleMessage message, DateTimeOffset last, Random random, List<PlannedEvent> planned)
    {
        DateTimeOffset sent = message.Sent;
        DateTimeOffset At(DateTimeOffset after, double minSeconds, double maxSeconds)
        {
            DateTimeOffset time = after.AddMilliseconds(Math.Round((minSeconds + (random.NextDouble() * (maxSeconds - minSeconds))) * 1000));
            return time < last ? time : last;
        }

        double outcome = random.NextDouble();
        if (outcome < RenderingFailureRate)
        {
            planned.Add(new PlannedEvent(SesEventType.RenderingFailure, sent));
            return;
        }

        planned.Add(new PlannedEvent(SesEventType.Send, sent));
        outcome -= RenderingFailureRate;
        if (outcome < RejectRate)
        {
            planned.Add(new PlannedEvent(SesEventType.Reject, sent));
            return;
        }

        outcome -= RejectRate;
        if (outcome < PermanentBounceRate)
        {
            SampleBounceKind kind = SampleCatalog.Pick(SampleCatalog.PermanentBounces, random);
            planned.Add(new PlannedEvent(SesEventType.Bounce, kind.FromRemoteServer ? At(sent, 1, 90) : At(sent, 0.1, 1), Bounce: kind));
            return;
        }

        outcome -= PermanentBounceRate;
        if (outcome < TransientBounceRate)
        {
            planned.Add(new PlannedEvent(SesEventType.Bounce, At(sent, 5, 600), Bounce: SampleCatalog.Pick(SampleCatalog.TransientBounces, random)));
            return;
        }

        outcome -= TransientBounceRate;
        DateTimeOffset delivered;
        if (outcome < DelayRate)
        {
            DateTimeOffset delayed = At(sent, 300, 1800);
            planned.Add(new PlannedEvent(SesEventType.DeliveryDelay, delayed, random.Next(SampleCatalog.DelayTypes.Length)));
            if (random.NextDouble() < DelayThenBounceRate)
            {
                planned.Add(new PlannedEvent(SesEventType.Bounce, At(delayed, 3600, 36_000), Bounce: SampleCatalog.TransientBounces[0]));
                return;
            }

            delivered = At(delayed, 600, 14_400);
        }
        else
        {
            delivered = random.Next(20) == 0 ? At(sent, 15, 300) : At(sent, 0.4, 6);
        }

        planned.Add(new PlannedEvent(SesEventType.Delivery, delivered));
        if (random.NextDouble() < OpenRate)
        {
            DateTimeOffset opened = At(delivered, 30, 86_400 * random.NextDouble());
            planned.Add(new PlannedEvent(SesEventType.Open, opened, random.Next(SampleCatalog.UserAgents.Length)));
            if (random.NextDouble() < ClickRate)
            {
                planned.Add(new PlannedEvent(SesEventType.Click, At(opened, 3, 600), random.Next(SampleCatalog.LinkPaths.Length)));
            }

            if (random.NextDouble() < SecondOpenRate)
            {
                planned.Add(new PlannedEvent(SesEventType.Open, At(opened, 600, 172_800), random.Next(SampleCatalog.UserAgents.Length)));
            }
        }

        if (random.NextDouble() < ComplaintRate)
        {
            planned.Add(new PlannedEvent(SesEventType.Complaint, At(delivered, 60, 86_400), random.Next(SampleCatalog.ComplaintFeedbackTypes.Length)));
        }

        if (random.NextDouble() < SubscriptionRate)
        {
            planned.Add(new PlannedEvent(SesEventType.Subscription, At(delivered, 60, 86_400), random.Next(SampleCatalog.Topics.Length)));
        }
    }
}
