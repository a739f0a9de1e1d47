using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Aws.Signing;

namespace SesAnalytics.Engine.Aws.SesV2;

/// <summary>
/// Amazon SES v2 over restJson1: the model's method and <c>requestUri</c>, path labels percent-encoded (an identity
/// <c>a@b.com</c> is <c>a%40b.com</c>; the signer encodes it once more for the canonical URI), JSON bodies. Reads and
/// PUTs are retried after server errors; creations, deletions and SendEmail only on throttling, since a repeat after
/// the server acted would fail or send the message twice.
/// </summary>
public sealed partial class SesV2Client : ISesV2Client
{
    public const string JsonContentType = "application/json";

    private readonly AwsHttpClient _http;

    public SesV2Client(AwsHttpClient http)
    {
        _http = http;
    }

    public Task CreateConfigurationSetAsync(ConfigurationSet configurationSet, CancellationToken cancellationToken) =>
        SendAsync(
            "CreateConfigurationSet",
            HttpMethod.Post,
            "/v2/email/configuration-sets",
            Json(configurationSet, SesV2JsonContext.Default.ConfigurationSet),
            idempotent: false,
            new SesRequestSubject { ConfigurationSet = configurationSet.ConfigurationSetName },
            static _ => true,
            cancellationToken);

    public Task<ConfigurationSet> GetConfigurationSetAsync(string configurationSetName, CancellationToken cancellationToken) =>
        SendAsync(
            "GetConfigurationSet",
            HttpMethod.Get,
            $"/v2/email/configuration-sets/{Label(configurationSetName)}",
            body: null,
            idempotent: true,
            new SesRequestSubject { ConfigurationSet = configurationSetName },
            response => Read(response, SesV2JsonContext.Default.ConfigurationSet),
            cancellationToken);

    public Task CreateConfigurationSetEventDestinationAsync(
        string configurationSetName, string eventDestinationName, EventDestinationDefinition definition, CancellationToken cancellationToken) =>
        SendAsync(
            "CreateConfigurationSetEventDestination",
            HttpMethod.Post,
            $"/v2/email/configuration-sets/{Label(configurationSetName)}/event-destinations",
            Json(new CreateEventDestinationBody(eventDestinationName, definition), SesV2JsonContext.Default.CreateEventDestinationBody),
            idempotent: false,
            new SesRequestSubject { ConfigurationSet = configurationSetName, EventDestination = eventDestinationName },
            static _ => true,
            cancellationToken);

    public Task UpdateConfigurationSetEventDestinationAsync(
        string configurationSetName, string eventDestinationName, EventDestinationDefinition definition, CancellationToken cancellationToken) =>
        SendAsync(
            "UpdateConfigurationSetEventDestination",
            HttpMethod.Put,
            $"/v2/email/configuration-sets/{Label(configurationSetName)}/event-destinations/{Label(eventDestinationName)}",
            Json(new UpdateEventDestinationBody(definition), SesV2JsonContext.Default.UpdateEventDestinationBody),
            idempotent: true,
            new SesRequestSubject { ConfigurationSet = configurationSetName, EventDestination = eventDestinationName },
            static _ => true,
            cancellationToken);

    public Task<IReadOnlyList<EventDestination>> GetConfigurationSetEventDestinationsAsync(string configurationSetName, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<EventDestination>>(
            "GetConfigurationSetEventDestinations",
            HttpMethod.Get,
            $"/v2/email/configuration-sets/{Label(configurationSetName)}/event-destinations",
            body: null,
            idempotent: true,
            new SesRequestSubject { ConfigurationSet = configurationSetName },
            response => Read(response, SesV2JsonContext.Default.EventDestinationsResponse).EventDestinations ?? [],
            cancellationToken);

    public Task DeleteConfigurationSetEventDestinationAsync(string configurationSetName, string eventDestinationName, CancellationToken cancellationToken) =>
        SendAsync(
            "DeleteConfigurationSetEventDestination",
            HttpMethod.Delete,
            $"/v2/email/configuration-sets/{Label(configurationSetName)}/event-destinations/{Label(eventDestinationName)}",
            body: null,
            idempotent: false,
            new SesRequestSubject { ConfigurationSet = configurationSetName, EventDestination = eventDestinationName },
            static _ => true,
            cancellationToken);

    public Task<EmailIdentity> GetEmailIdentityAsync(string emailIdentity, CancellationToken cancellationToken) =>
        SendAsync(
            "GetEmailIdentity",
            HttpMethod.Get,
            $"/v2/email/identities/{Label(emailIdentity)}",
            body: null,
            idempotent: true,
            new SesRequestSubject { Identity = emailIdentity },
            response => Read(response, SesV2JsonContext.Default.EmailIdentity),
            cancellationToken);

    public Task PutEmailIdentityConfigurationSetAttributesAsync(string emailIdentity, string? configurationSetName, CancellationToken cancellationToken) =>
        SendAsync(
            "PutEmailIdentityConfigurationSetAttributes",
            HttpMethod.Put,
            $"/v2/email/identities/{Label(emailIdentity)}/configuration-set",
            Json(new IdentityConfigurationSetBody(configurationSetName), SesV2JsonContext.Default.IdentityConfigurationSetBody),
            idempotent: true,
            new SesRequestSubject { Identity = emailIdentity, ConfigurationSet = configurationSetName },
            static _ => true,
            cancellationToken);

    public Task<string> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            "SendEmail",
            HttpMethod.Post,
            "/v2/email/outbound-emails",
            Json(request, SesV2JsonContext.Default.SendEmailRequest),
            idempotent: false,
            new SesRequestSubject { From = request.FromEmailAddress, Recipients = request.Destination.ToAddresses, ConfigurationSet = request.ConfigurationSetName },
            response => Read(response, SesV2JsonContext.Default.SendEmailResponse).MessageId
                ?? throw new JsonException("SendEmail answered without a MessageId."),
            cancellationToken);

    /// <summary>A <c>{Label}</c> of the request URI: every byte but the unreserved ones percent-encoded.</summary>
    private static string Label(string value) => UriEncoding.Encode(value);

    private static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static T Read<T>(AwsResponse response, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("The body is the JSON literal null.");

    private async Task<T> SendAsync<T>(
        string operation,
        HttpMethod method,
        string path,
        byte[]? body,
        bool idempotent,
        SesRequestSubject subject,
        Func<AwsResponse, T> read,
        CancellationToken cancellationToken)
    {
        var request = new AwsRequest(operation, method, path, body ?? [], idempotent) { ContentType = body is null ? null : JsonContentType };
        try
        {
            return await _http.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (SesV2Errors.Translate(ex, operation, subject) is { } translated)
        {
            throw translated;
        }
    }
}
