using System.Reflection;
using Amazon.Runtime;

namespace SesAnalytics.Engine.Aws.Context;

/// <summary>
/// Reads an AWS credentials object by shape. AWS.Tools keeps its credentials (<c>$StoredAWSCredentials</c>,
/// <c>Get-AWSCredential</c>) as types of ITS AWSSDK.Core, which is not ours: anything with <c>GetCredentials()</c>
/// returning AccessKey/SecretKey/Token (or wrapping such an object in a <c>Credentials</c> property) is accepted.
/// </summary>
internal static class ForeignCredentials
{
    public static AWSCredentials? From(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case AWSCredentials own:
                return own;
            case string:
                return null;
        }

        object? source = value.GetType().GetProperty("Credentials", BindingFlags.Public | BindingFlags.Instance)?.GetValue(value) ?? value;
        MethodInfo? getCredentials = source.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        object? immutable = getCredentials?.Invoke(source, null);
        if (immutable is null)
        {
            return null;
        }

        string? accessKey = Read(immutable, "AccessKey");
        string? secretKey = Read(immutable, "SecretKey");
        string? token = Read(immutable, "Token");
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            return null;
        }

        return string.IsNullOrEmpty(token) ? new BasicAWSCredentials(accessKey, secretKey) : new SessionAWSCredentials(accessKey, secretKey, token);
    }

    /// <summary>The profile name AWS.Tools stored, when <c>$StoredAWSCredentials</c> holds one rather than keys.</summary>
    public static string? ProfileName(object? value) => value switch
    {
        string name when !string.IsNullOrWhiteSpace(name) => name,
        _ => null,
    };

    private static string? Read(object target, string property) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.GetValue(target) as string;
}
