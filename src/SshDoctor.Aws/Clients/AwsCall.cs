namespace SshDoctor.Aws.Clients;

/// <summary>
/// Every AWS call goes through here, named by its IAM action (`ec2:DescribeKeyPairs`), so a refusal can say which
/// permission is missing. The SDK has already retried throttling and transient network errors by then.
/// </summary>
public static class AwsCall
{
    public static async Task<T> Run<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancel = default)
    {
        try
        {
            return await call(cancel).ConfigureAwait(false);
        }
        catch (AwsSetupException) { throw; }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { throw; }
        catch (Exception e) when (e is not AwsCallException)
        {
            throw new AwsCallException(AwsErrorClassifier.Classify(action, e));
        }
    }
}
