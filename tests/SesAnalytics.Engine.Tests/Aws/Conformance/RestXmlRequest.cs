using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// Turns a restXml request back into one value tree of the operation's input shape: URI, query and header members as
/// <see cref="RestJsonRequest"/> reads them, and the XML body, whose root element and namespace must be the ones the
/// operation names, element by element. An element the shape does not have, or one out of the model's member order,
/// is reported.
/// </summary>
internal static class RestXmlRequest
{
    public static (JsonObject Tree, List<string> Problems) ToTree(
        ServiceModel model, string operation, HttpMethod method, Uri uri, IReadOnlyDictionary<string, string> headers, string body)
    {
        var (tree, problems) = RestJsonRequest.ToTree(model, operation, method, uri, headers, string.Empty);
        if (body.Trim().Length == 0)
        {
            return (tree, problems);
        }

        XElement root = XElement.Parse(body, LoadOptions.PreserveWhitespace);
        var (name, ns) = model.InputElement(operation);
        if (root.Name != XName.Get(name ?? string.Empty, ns ?? string.Empty))
        {
            problems.Add($"root element {root.Name}, the model says {{{ns}}}{name}.");
        }

        ReadStructure(model, model.GetShape(model.GetOperation(operation).InputShape!), root, tree, "$", problems);
        return (tree, problems);
    }

    private static void ReadStructure(ServiceModel model, ServiceModel.Shape shape, XElement element, JsonObject tree, string path, List<string> problems)
    {
        var members = shape.Members.Where(m => m.Value.Location is null).ToList();
        int last = -1;
        foreach (XElement child in element.Elements())
        {
            if (child.Name.Namespace != element.Name.Namespace)
            {
                problems.Add($"{path}.{child.Name.LocalName}: namespace '{child.Name.NamespaceName}', its parent's is '{element.Name.NamespaceName}'.");
            }

            int index = members.FindIndex(m => (m.Value.LocationName ?? m.Key) == child.Name.LocalName);
            if (index < 0)
            {
                problems.Add($"{path}.{child.Name.LocalName}: {shape.Name} has no such body member.");
                continue;
            }

            if (index < last)
            {
                problems.Add($"{path}.{child.Name.LocalName}: out of the model's member order.");
            }

            last = index;
            var (memberName, member) = members[index];
            ServiceModel.Shape target = model.GetShape(member.Shape);
            if (target.Type == "structure")
            {
                var nested = new JsonObject();
                ReadStructure(model, target, child, nested, $"{path}.{memberName}", problems);
                tree[memberName] = nested;
            }
            else
            {
                tree[memberName] = RestJsonRequest.Scalar(target, child.Value);
            }
        }
    }
}
