using Amazon.Runtime.CredentialManagement;

namespace SesAnalytics.Engine.Aws.Context;

/// <summary>The profiles a command could use: those of the shared config and credentials files, as the AWS CLI lists them.</summary>
public static class AwsProfiles
{
    /// <summary>
    /// The profile names of <paramref name="profileLocation"/> (a credentials file, as -ProfileLocation takes) or of the
    /// shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials), of the shared config file
    /// (AWS_CONFIG_FILE, else ~/.aws/config), and of the .NET SDK store where there is one; sorted, each once. The files
    /// are read for their section names, as <c>aws configure list-profiles</c> does: the SDK's own listing leaves out a
    /// profile that only sets a region, which the commands take all the same.
    /// </summary>
    public static IReadOnlyList<string> Names(string? profileLocation)
    {
        SharedCredentialsFile shared = profileLocation is null ? new SharedCredentialsFile() : new SharedCredentialsFile(profileLocation);
        IEnumerable<string> stored = new CredentialProfileStoreChain(profileLocation).ListProfiles().Select(profile => profile.Name);
        return Sections(shared.FilePath, inConfigFile: false)
            .Concat(Sections(shared.ConfigFilePath, inConfigFile: true))
            .Concat(stored)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The profiles an INI file names: every section of a credentials file; in a config file <c>[default]</c> and
    /// <c>[profile name]</c>, not <c>[sso-session name]</c> or <c>[services name]</c>.
    /// </summary>
    private static IEnumerable<string> Sections(string? path, bool inConfigFile)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            yield break;
        }

        foreach (string line in File.ReadLines(path))
        {
            string trimmed = line.Trim();
            if (trimmed.Length < 3 || trimmed[0] != '[' || trimmed[^1] != ']')
            {
                continue;
            }

            string section = trimmed[1..^1].Trim();
            if (!inConfigFile || section == "default")
            {
                yield return section;
            }
            else if (section.StartsWith("profile ", StringComparison.Ordinal) && section["profile ".Length..].Trim() is { Length: > 0 } name)
            {
                yield return name;
            }
        }
    }
}
