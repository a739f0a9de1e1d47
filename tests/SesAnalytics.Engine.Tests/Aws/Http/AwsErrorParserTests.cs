using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Tests.Aws.Http;

public sealed class AwsErrorParserTests
{
    [Fact]
    public void Json_errors_lose_their_namespace_prefix()
    {
        var headers = Headers(("x-amzn-RequestId", "json-rid"));

        AwsError error = AwsErrorParser.Parse(400, headers, Bytes("""{"__type":"com.amazonaws.athena#InvalidRequestException","Message":"Query has no FROM"}"""));

        Assert.Equal(new AwsError("InvalidRequestException", "Query has no FROM", "json-rid"), error);
    }

    [Fact]
    public void The_error_type_header_wins_and_loses_its_suffix()
    {
        var headers = Headers(("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.service/"), ("x-amzn-RequestId", "h-rid"));

        AwsError error = AwsErrorParser.Parse(400, headers, Bytes("""{"message":"Stream ses-events not found"}"""));

        Assert.Equal(new AwsError("ResourceNotFoundException", "Stream ses-events not found", "h-rid"), error);
    }

    [Fact]
    public void AwsQuery_xml_errors_carry_their_request_id_in_the_body()
    {
        const string body = """
            <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ses does not exist</Message></Error>
              <RequestId>xml-rid</RequestId>
            </ErrorResponse>
            """;

        AwsError error = AwsErrorParser.Parse(400, Headers(), Bytes(body));

        Assert.Equal(new AwsError("ValidationError", "Stack with id ses does not exist", "xml-rid"), error);
        Assert.Equal(ErrorKind.ObjectNotFound, AwsErrorClassifier.Classify(error.Code, 400, error.Message));
    }

    [Fact]
    public void S3_xml_errors_are_read_with_the_header_request_id()
    {
        const string body = """<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a.json</Key><RequestId>body-rid</RequestId></Error>""";

        AwsError error = AwsErrorParser.Parse(404, Headers(("x-amz-request-id", "s3-rid")), Bytes(body));

        Assert.Equal(new AwsError("NoSuchKey", "The specified key does not exist.", "s3-rid"), error);
    }

    [Fact]
    public void A_body_in_no_known_shape_leaves_the_status_to_speak()
    {
        AwsError error = AwsErrorParser.Parse(503, Headers(), Bytes("<html>Service Unavailable</html"));

        Assert.Equal("ServiceUnavailable", error.Code);
        Assert.Equal(ErrorKind.ResourceUnavailable, AwsErrorClassifier.Classify(error.Code, 503, error.Message));
    }

    [Theory]
    [InlineData("AccessDenied", 403, ErrorKind.PermissionDenied)]
    [InlineData("AccessDeniedException", 400, ErrorKind.PermissionDenied)]
    [InlineData("UnauthorizedOperation", 403, ErrorKind.PermissionDenied)]
    [InlineData("UserNotAuthorizedException", 400, ErrorKind.PermissionDenied)]
    [InlineData("ResourceNotFoundException", 400, ErrorKind.ObjectNotFound)]
    [InlineData("NoSuchBucket", 404, ErrorKind.ObjectNotFound)]
    [InlineData("NotFoundException", 404, ErrorKind.ObjectNotFound)]
    [InlineData("ValidationException", 400, ErrorKind.InvalidArgument)]
    [InlineData("ValidationError", 400, ErrorKind.InvalidArgument)]
    [InlineData("InvalidParameterValue", 400, ErrorKind.InvalidArgument)]
    [InlineData("InvalidRequestException", 400, ErrorKind.InvalidArgument)]
    [InlineData("ThrottlingException", 400, ErrorKind.LimitsExceeded)]
    [InlineData("SlowDown", 503, ErrorKind.LimitsExceeded)]
    [InlineData("ExpiredToken", 400, ErrorKind.AuthenticationError)]
    [InlineData("InvalidClientTokenId", 403, ErrorKind.AuthenticationError)]
    [InlineData("SignatureDoesNotMatch", 403, ErrorKind.AuthenticationError)]
    [InlineData("UnrecognizedClientException", 400, ErrorKind.AuthenticationError)]
    [InlineData("InternalFailure", 500, ErrorKind.ResourceUnavailable)]
    [InlineData("ServiceUnavailableException", 503, ErrorKind.ResourceUnavailable)]
    public void Codes_map_to_error_kinds(string code, int status, ErrorKind kind) =>
        Assert.Equal(kind, AwsErrorClassifier.Classify(code, status, "message"));

    [Fact]
    public void The_message_names_service_status_code_and_request_id()
    {
        var error = new AwsServiceException("Firehose", 400, "X", "Something broke.", "Y", ErrorKind.InvalidArgument);

        Assert.Equal("Something broke. (Service: Firehose; Status: 400; Error: X; Request ID: Y)", error.Message);
        Assert.Equal("X", error.ErrorId);
    }

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
