namespace SesAnalytics.Engine.Aws.SesV2.Model;

public sealed record KinesisFirehoseDestination(string IamRoleArn, string DeliveryStreamArn);
