using System.Globalization;
using System.Text;
using SesAnalytics.Engine.Aws.Signing;

namespace SesAnalytics.Engine.Aws.CloudFormation;

/// <summary>
/// An awsQuery request body: <c>Action</c>, <c>Version</c> and the input members flattened, lists as
/// <c>Name.member.N</c> (structures in them as <c>Name.member.N.Field</c>), absent members left out.
/// </summary>
internal sealed class QueryForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public QueryForm(string action, string version)
    {
        Action = action;
        Add("Action", action);
        Add("Version", version);
    }

    public string Action { get; }

    public QueryForm Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    public QueryForm Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public QueryForm Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryForm AddList(string name, IReadOnlyList<string>? values) =>
        AddList(name, values, static (form, prefix, value) => form.Add(prefix, value));

    public QueryForm AddList<T>(string name, IReadOnlyList<T>? items, Action<QueryForm, string, T> addMember)
    {
        for (int i = 0; i < (items?.Count ?? 0); i++)
        {
            addMember(this, $"{name}.member.{(i + 1).ToString(CultureInfo.InvariantCulture)}", items![i]);
        }

        return this;
    }

    /// <summary><c>application/x-www-form-urlencoded</c> with RFC 3986 encoding, as the AWS SDKs send it.</summary>
    public byte[] ToBytes() =>
        Encoding.UTF8.GetBytes(string.Join('&', _fields.Select(f => UriEncoding.Encode(f.Key) + "=" + UriEncoding.Encode(f.Value))));
}
