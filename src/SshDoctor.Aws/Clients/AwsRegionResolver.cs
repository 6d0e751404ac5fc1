using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace SshDoctor.Aws.Clients;

/// <summary>The region in the AWS CLI's order: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's, instance metadata.</summary>
internal static partial class AwsRegionResolver
{
    public static RegionEndpoint Resolve(AwsOptions options, AwsEnvironment env, CredentialProfile? profile)
    {
        var name = options.Region ?? env.Region ?? profile?.Region?.SystemName ?? FromMetadata(env);
        if (name is null) throw new AwsSetupException(AwsSetupProblem.NoRegion);
        if (!RegionName().IsMatch(name)) throw new AwsSetupException(AwsSetupProblem.BadRegion, name);
        return RegionEndpoint.GetBySystemName(name);
    }

    /// <summary>Only when nothing else names one, and not when AWS_EC2_METADATA_DISABLED=true (off EC2 it costs a timeout).</summary>
    private static string? FromMetadata(AwsEnvironment env)
    {
        if (env.MetadataDisabled) return null;
        try { return new InstanceProfileAWSRegion().Region?.SystemName; }
        catch (InvalidOperationException) { return null; }
    }

    /// <summary>us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5...</summary>
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionName();
}
