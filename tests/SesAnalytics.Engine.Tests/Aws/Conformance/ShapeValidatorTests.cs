using System.Text.Json.Nodes;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>The checker itself must catch what it claims to, for every protocol the colleagues will use it on.</summary>
public sealed class ShapeValidatorTests
{
    [SkippableFact]
    public void Json_bodies_with_unknown_members_wrong_types_missing_required_and_bad_enums_are_reported()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var validator = new ShapeValidator(ServiceModel.Load("firehose"));

        var problems = validator.Validate("ListDeliveryStreamsInput", JsonNode.Parse("""{"Limit":"10","DeliveryStreamType":"Pipe","Bogus":1}"""));

        Assert.Contains(problems, p => p.Contains("$.Limit: expected an integral number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Pipe' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no member 'Bogus'", StringComparison.Ordinal));
        Assert.Contains(
            validator.Validate("PutRecordBatchInput", JsonNode.Parse("""{"Records":[{"Data":"AA=="}]}""")),
            p => p.Contains("required member 'DeliveryStreamName'", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Lists_and_strings_outside_their_limits_are_reported()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var validator = new ShapeValidator(ServiceModel.Load("firehose"));
        string records = string.Join(",", Enumerable.Repeat("""{"Data":"AA=="}""", 501));

        var problems = validator.Validate("PutRecordBatchInput", JsonNode.Parse($$"""{"DeliveryStreamName":"","Records":[{{records}}]}"""));

        Assert.Contains(problems, p => p.Contains("$.Records: 501 entries", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("$.DeliveryStreamName: length 0", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void AwsQuery_forms_are_read_back_through_the_model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("cloudformation");
        var form = new Dictionary<string, string>
        {
            ["Action"] = "CreateStack",
            ["Version"] = "2010-05-15",
            ["StackName"] = "ses-analytics",
            ["TemplateBody"] = "{}",
            ["Capabilities.member.1"] = "CAPABILITY_NAMED_IAM",
            ["Parameters.member.1.ParameterKey"] = "BucketName",
            ["Parameters.member.1.ParameterValue"] = "events",
            ["Tags.member.1.Key"] = "app",
            ["Tags.member.1.Value"] = "ses",
            ["TimeoutInMinutes"] = "30",
        };

        var (tree, problems) = AwsQueryForm.ToTree(model, "CreateStack", form);

        Assert.Empty(problems);
        Assert.Empty(new ShapeValidator(model).Validate("CreateStackInput", tree));
        Assert.Equal("ses", tree["Tags"]![0]!["Value"]!.GetValue<string>());

        form["Capabilities.member.1"] = "CAPABILITY_EVERYTHING";
        form["Tags.member.1.Colour"] = "red";
        var (badTree, badProblems) = AwsQueryForm.ToTree(model, "CreateStack", form);
        Assert.Contains(badProblems, p => p.Contains("Tags.member.1.Colour", StringComparison.Ordinal));
        Assert.Contains(new ShapeValidator(model).Validate("CreateStackInput", badTree), p => p.Contains("CAPABILITY_EVERYTHING", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void RestJson_requests_are_read_back_through_the_model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("sesv2");

        var (tree, problems) = RestJsonRequest.ToTree(
            model,
            "GetEmailIdentity",
            HttpMethod.Get,
            new Uri("https://email.eu-west-1.amazonaws.com/v2/email/identities/user%40example.com"),
            new Dictionary<string, string>(),
            string.Empty);

        Assert.Empty(problems);
        Assert.Empty(new ShapeValidator(model).Validate(model.GetOperation("GetEmailIdentity").InputShape!, tree));
        Assert.Equal("user@example.com", tree["EmailIdentity"]!.GetValue<string>());

        var (_, wrong) = RestJsonRequest.ToTree(model, "GetEmailIdentity", HttpMethod.Post, new Uri("https://email.eu-west-1.amazonaws.com/v2/identities/x"), new Dictionary<string, string>(), string.Empty);
        Assert.Equal(2, wrong.Count);
    }
}
