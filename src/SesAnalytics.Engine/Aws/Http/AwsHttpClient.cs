using System.Net.Sockets;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Polly;
using Polly.Retry;
using SesAnalytics.Engine.Aws.Signing;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.Http;

/// <summary>
/// The one HTTP path of every protocol client: signs each attempt afresh and retries in AWS's "standard" mode through
/// Polly: up to <see cref="AwsClientOptions.MaxAttempts"/> attempts, full-jitter exponential backoff capped at
/// <see cref="AwsClientOptions.MaxBackoff"/>, on throttling always and on 5xx, connection failures and attempt
/// timeouts only for idempotent requests (see <see cref="AwsRequest"/>). The caller's token cancels the HTTP call and any
/// backoff at once; its cancellation is never retried.
/// </summary>
public sealed class AwsHttpClient : IDisposable
{
    private static readonly HashSet<int> TransientStatuses = [500, 502, 503, 504];
    private static readonly ResiliencePropertyKey<bool> IdempotentKey = new("SesAnalytics.Idempotent");

    private readonly AwsClientOptions _options;
    private readonly HttpClient _http;
    private readonly SigningOptions _signing;
    private readonly ResiliencePipeline _pipeline;

    public AwsHttpClient(AwsClientOptions options)
    {
        _options = options;
        _http = new HttpClient(options.Handler ?? new SocketsHttpHandler(), disposeHandler: options.Handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _signing = SigningOptions.For(options.SigningService, options.Region);
        if (options.MaxAttempts < 1)
        {
            throw new InvalidInputException(
                "AwsMaxAttemptsOutOfRange", $"MaxAttempts is {options.MaxAttempts}; it counts every attempt, the first included, so use 1 or more.", options.MaxAttempts);
        }

        // Polly's retry strategy needs at least one retry; a single attempt is the empty pipeline.
        _pipeline = options.MaxAttempts == 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(options.Backoff(args.AttemptNumber)),
                })
                .Build();
    }

    public AwsClientOptions Options => _options;

    public Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, static response => response, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> and reads the successful answer with <paramref name="read"/> inside the same
    /// attempt, so a truncated or garbled body (a <see cref="System.Text.Json.JsonException"/>,
    /// <see cref="System.Xml.XmlException"/> or <see cref="FormatException"/> from <paramref name="read"/>) is retried
    /// like a broken connection.
    /// </summary>
    public Task<T> SendAsync<T>(AwsRequest request, Func<AwsResponse, T> read, CancellationToken cancellationToken) =>
        ExecuteAsync(request, (response, token) => ReadWholeAsync(response, read, token), cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> and returns as soon as a successful answer's headers are in, with its body left
    /// on the network for the caller to read as it arrives (S3 Select's event stream). Error answers are read whole,
    /// parsed and retried as for <see cref="SendAsync{T}"/>; nothing is retried once the body is handed over, and the
    /// attempt timeout stops counting there.
    /// </summary>
    public Task<AwsStreamingResponse> OpenAsync(AwsRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, OpenStreamAsync, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static async Task<T> ReadWholeAsync<T>(HttpResponseMessage response, Func<AwsResponse, T> read, CancellationToken cancellationToken)
    {
        using (response)
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var answer = new AwsResponse((int)response.StatusCode, AwsErrorParser.RequestIdFrom(response.Headers), body);
            try
            {
                return read(answer);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or System.Xml.XmlException or FormatException)
            {
                throw new MalformedResponseException(answer.RequestId, ex);
            }
        }
    }

    private static async Task<AwsStreamingResponse> OpenStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new AwsStreamingResponse((int)response.StatusCode, AwsErrorParser.RequestIdFrom(response.Headers), body, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<T> ExecuteAsync<T>(AwsRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> onSuccess, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(IdempotentKey, request.Idempotent);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Client.AttemptAsync(state.Request, state.OnSuccess, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Client: this, Request: request, OnSuccess: onSuccess)).ConfigureAwait(false);
        }
        catch (MalformedResponseException ex)
        {
            throw new SesAnalyticsException(
                "AwsMalformedResponse",
                ErrorKind.InvalidData,
                $"{_options.ServiceName} {request.OperationName} answered with a body that is not its expected output ({ex.InnerException!.Message}) " +
                $"(Request ID: {ex.RequestId ?? "none"}). Retry; if it persists, a proxy may be rewriting the response.",
                _options.ServiceName,
                ex.InnerException);
        }
        catch (AttemptTimeoutException ex)
        {
            throw new SesAnalyticsException(
                "AwsRequestTimedOut",
                ErrorKind.OperationTimeout,
                $"{_options.ServiceName} {request.OperationName} did not answer within {_options.AttemptTimeout.TotalSeconds:0.###} s " +
                $"({_options.MaxAttempts} attempt(s) allowed). Check the network path to {_options.Endpoint.Host} and try again.",
                _options.ServiceName,
                ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
        {
            throw new SesAnalyticsException(
                "AwsConnectionFailed",
                ErrorKind.ConnectionError,
                $"{_options.ServiceName} {request.OperationName} failed: the connection to {_options.Endpoint.Host} broke ({ex.Message}). " +
                "Check the network and the endpoint, then try again.",
                _options.ServiceName,
                ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool ShouldRetry(Exception? exception, ResilienceContext context)
    {
        bool idempotent = context.Properties.GetValue(IdempotentKey, false);
        return exception switch
        {
            AwsServiceException aws => aws.IsThrottling || (idempotent && TransientStatuses.Contains(aws.StatusCode)),
            AttemptTimeoutException or MalformedResponseException => idempotent,
            HttpRequestException or IOException or SocketException => idempotent,
            _ => false,
        };
    }

    private async Task<T> AttemptAsync<T>(AwsRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> onSuccess, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _options.TimeProvider);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ImmutableCredentials credentials = await _options.Credentials(cancellationToken).ConfigureAwait(false);
        using HttpRequestMessage message = Build(request);
        SigningResult signature = RequestSigner.Sign(message, request.Body, credentials, _signing, _options.TimeProvider.GetUtcNow());
        try
        {
            HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await onSuccess(response, attempt.Token).ConfigureAwait(false);
            }

            using (response)
            {
                byte[] body = await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
                throw ToException((int)response.StatusCode, response.Headers, body, [credentials.SecretKey, credentials.Token, signature.Signature, message.Headers.Authorization?.ToString()]);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw new AttemptTimeoutException(ex);
        }
    }

    /// <summary>
    /// The URI exactly as signed: without canonicalization, which would unescape <c>%2E</c> and resolve dot segments
    /// (an S3 key <c>a/../b</c> would become <c>b</c>, another object, under a signature that no longer matches).
    /// </summary>
    internal static Uri RequestUri(Uri endpoint, string pathAndQuery) =>
        new(endpoint.GetLeftPart(UriPartial.Authority) + pathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    private HttpRequestMessage Build(AwsRequest request)
    {
        var message = new HttpRequestMessage(request.Method, RequestUri(request.Endpoint ?? _options.Endpoint, request.PathAndQuery));
        if (request.Body.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private AwsServiceException ToException(int status, HttpResponseHeaders headers, byte[] body, string?[] secrets)
    {
        AwsError error = AwsErrorParser.Parse(status, headers, body);
        string message = SecretRedactor.Redact(error.Message, secrets);
        string code = SecretRedactor.Redact(error.Code, secrets);
        return new AwsServiceException(_options.ServiceName, status, code, message, error.RequestId, AwsErrorClassifier.Classify(code, status, message));
    }

    /// <summary>An attempt ran out of time (not the caller's cancellation); Polly retries it like a dropped connection.</summary>
    private sealed class AttemptTimeoutException(Exception inner) : TimeoutException("The attempt timed out.", inner);

    private sealed class MalformedResponseException(string? requestId, Exception inner) : Exception("The response body could not be read.", inner)
    {
        public string? RequestId { get; } = requestId;
    }
}
