using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SesAnalytics.Engine.Aws.Http;

namespace SesAnalytics.Engine.Aws.Protocol;

/// <summary>
/// AWS's awsJson1_1 protocol: every operation is <c>POST /</c> with <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>
/// and a JSON body of the operation's input shape; the answer is the output shape as JSON.
/// </summary>
public sealed class AwsJsonProtocol
{
    public const string ContentType = "application/x-amz-json-1.1";
    public const string TargetHeader = "X-Amz-Target";

    private readonly AwsHttpClient _http;
    private readonly string _targetPrefix;

    public AwsJsonProtocol(AwsHttpClient http, string targetPrefix)
    {
        _http = http;
        _targetPrefix = targetPrefix;
    }

    public AwsClientOptions Options => _http.Options;

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest input,
        JsonTypeInfo<TRequest> inputType,
        JsonTypeInfo<TResponse> outputType,
        bool idempotent,
        CancellationToken cancellationToken)
    {
        var request = new AwsRequest(operation, HttpMethod.Post, "/", JsonSerializer.SerializeToUtf8Bytes(input, inputType), idempotent)
        {
            ContentType = ContentType,
            Headers = new Dictionary<string, string> { [TargetHeader] = _targetPrefix + "." + operation },
        };
        return await _http.SendAsync(
            request,
            response => JsonSerializer.Deserialize(response.Body, outputType) ?? throw new JsonException("The body is the JSON literal null."),
            cancellationToken).ConfigureAwait(false);
    }
}
