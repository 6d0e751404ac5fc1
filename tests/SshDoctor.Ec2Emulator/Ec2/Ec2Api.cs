using System.Web;
using SshDoctor.Ec2Emulator.Http;

namespace SshDoctor.Ec2Emulator.Ec2;

/// <summary>
/// The EC2 Query API front end: one method per action, each checked first against the fault plan (an IAM deny gives
/// 403 UnauthorizedOperation naming the action; throttling gives 503 RequestLimitExceeded). Unknown actions give
/// InvalidAction, as EC2 does.
/// </summary>
internal sealed partial class Ec2Api(EmulatorState state)
{
    private EmulatorState State { get; } = state;

    public HttpResponseData Handle(HttpRequestData request)
    {
        var requestId = Guid.NewGuid().ToString();
        var form = HttpUtility.ParseQueryString(request.Body);
        if (request.Path.Contains('?')) form.Add(HttpUtility.ParseQueryString(request.Path[(request.Path.IndexOf('?') + 1)..]));
        var query = new Ec2Query(form);
        var action = query.Get("Action") ?? "";
        try
        {
            if (!Handlers.TryGetValue(action, out var handler))
                throw ApiError.Ec2("InvalidAction", $"The action {action} is not valid for this web service.");
            var iamAction = "ec2:" + action;
            if (State.Faults.IsDenied(iamAction)) throw Denied(query, action, iamAction);
            if (State.Faults.TakeThrottle(iamAction)) throw new ApiError(503, "RequestLimitExceeded", "Request limit exceeded.");
            var content = handler(this, query);
            return new HttpResponseData(200, "text/xml;charset=UTF-8", Ec2Xml.Document(action, requestId, content), requestId);
        }
        catch (ApiError e)
        {
            return new HttpResponseData(e.Status, "text/xml;charset=UTF-8", Ec2Xml.Error(e.Code, e.Message, requestId), requestId);
        }
    }

    /// <summary>Actions EC2 answers with an encoded authorization failure message (the ones that change something).</summary>
    private static readonly HashSet<string> Mutating = ["StopInstances", "StartInstances", "ModifyInstanceAttribute"];

    /// <summary>
    /// EC2's UnauthorizedOperation (403): the caller, the action, the resource when the request names one instance, and for
    /// a changing action the "Encoded authorization failure message" (here base64 of a small JSON, not AWS's encrypted blob).
    /// </summary>
    private ApiError Denied(Ec2Query q, string action, string iamAction)
    {
        var id = q.Get("InstanceId") ?? (q.List("InstanceId") is [var only] ? only : null);
        var resource = id is null ? "" : $" on resource: arn:aws:ec2:{State.Options.Region}:{State.Options.AccountId}:instance/{id}";
        var message = $"You are not authorized to perform this operation. User: {State.Faults.CallerArn} is not authorized to perform: {iamAction}{resource} " +
            $"because no identity-based policy allows the {iamAction} action";
        if (Mutating.Contains(action))
            message += ". Encoded authorization failure message: " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
                $"{{\"allowed\":false,\"explicitDeny\":false,\"action\":\"{iamAction}\",\"emulator\":true}}"));
        return new ApiError(403, "UnauthorizedOperation", message);
    }

    private static readonly Dictionary<string, Func<Ec2Api, Ec2Query, object?[]>> Handlers = new()
    {
        ["DescribeInstances"] = (a, q) => a.DescribeInstances(q),
        ["DescribeInstanceStatus"] = (a, q) => a.DescribeInstanceStatus(q),
        ["DescribeInstanceTypes"] = (a, q) => a.DescribeInstanceTypes(q),
        ["DescribeVolumes"] = (a, q) => a.DescribeVolumes(q),
        ["DescribeImages"] = (a, q) => a.DescribeImages(q),
        ["DescribeKeyPairs"] = (a, q) => a.DescribeKeyPairs(q),
        ["DescribeSecurityGroups"] = (a, q) => a.DescribeSecurityGroups(q),
        ["DescribeNetworkAcls"] = (a, q) => a.DescribeNetworkAcls(q),
        ["DescribeRouteTables"] = (a, q) => a.DescribeRouteTables(q),
        ["DescribeSubnets"] = (a, q) => a.DescribeSubnets(q),
        ["GetConsoleOutput"] = (a, q) => a.GetConsoleOutput(q),
        ["DescribeInstanceAttribute"] = (a, q) => a.DescribeInstanceAttribute(q),
        ["ModifyInstanceAttribute"] = (a, q) => a.ModifyInstanceAttribute(q),
        ["StopInstances"] = (a, q) => a.StopInstances(q),
        ["StartInstances"] = (a, q) => a.StartInstances(q),
        ["GetSerialConsoleAccessStatus"] = (a, q) => a.GetSerialConsoleAccessStatus(q),
    };

    /// <summary>The instances named by InstanceId.N (all when none); an unknown ID is InvalidInstanceID.NotFound.</summary>
    private List<Instances.EmulatedInstance> Selected(Ec2Query q, string prefix = "InstanceId")
    {
        var ids = q.List(prefix);
        if (ids.Count == 0) return [.. State.OrderedInstances];
        var missing = ids.Where(id => !State.Instances.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
            throw ApiError.Ec2(missing.Any(m => !m.StartsWith("i-", StringComparison.Ordinal)) ? "InvalidInstanceID.Malformed" : "InvalidInstanceID.NotFound",
                missing.Length == 1 ? $"The instance ID '{missing[0]}' does not exist" : $"The instance IDs '{string.Join(", ", missing)}' do not exist");
        return [.. ids.Distinct().Select(id => State.Instances[id])];
    }

    /// <summary>The instance of a single-valued InstanceId parameter (GetConsoleOutput, Describe/ModifyInstanceAttribute).</summary>
    private Instances.EmulatedInstance One(Ec2Query q) =>
        State.Instances.TryGetValue(q.Required("InstanceId"), out var i) ? i
            : throw ApiError.Ec2("InvalidInstanceID.NotFound", $"The instance ID '{q.Get("InstanceId")}' does not exist");
}
