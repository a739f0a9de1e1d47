using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Tests.Output;

public sealed class PublicTypesTests
{
    [Fact]
    public void EveryOutputAndPartIsDeclaredUnderItsShortName()
    {
        // The format views and PSTypeNames follow the .NET name: an output declared elsewhere would lose its views.
        IEnumerable<Type> outputs = PublicTypes.All.Where(type => !typeof(Exception).IsAssignableFrom(type) && type != typeof(Errors.ErrorKind));

        Assert.All(outputs, type => Assert.Equal(PublicTypes.ShortName(type), type.FullName));
    }

    [Fact]
    public void EveryShortNameIsUnique()
    {
        Assert.Equal(PublicTypes.All.Count, PublicTypes.All.Select(PublicTypes.ShortName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
