from cms.charts import borough_map_svg, borough_shapes, legend, line_chart_svg, shade_for


def test_the_map_draws_all_33_boroughs_with_names_and_figures():
    svg = borough_map_svg(
        {"E09000030": 85.0, "E09000001": 0.0, "E09000033": None},
        title="Institutions covered by borough", description="Share covered.",
    )
    shapes, height = borough_shapes()
    assert len(shapes) == 33 and height > 0
    assert svg.count("<path ") == 33
    assert 'role="img"' in svg and "<title id=\"borough-map-title\">" in svg
    assert "<title>Tower Hamlets: 85% covered</title>" in svg
    assert "<title>City of London: 0% covered</title>" in svg
    assert "<title>Westminster: no data</title>" in svg
    assert "<title>Barnet: no data</title>" in svg


def test_shades_follow_the_legend_bins():
    assert shade_for(None) != shade_for(0)
    assert shade_for(0) == legend()[0]["colour"]
    assert shade_for(19.9) == legend()[0]["colour"]
    assert shade_for(20) == legend()[1]["colour"]
    assert shade_for(100) == legend()[-1]["colour"]
    assert [item["label"] for item in legend()][0] == "0% to under 20%"
    assert [item["label"] for item in legend()][-1] == "80% to 100%"


def test_titles_are_escaped():
    svg = borough_map_svg({}, title="<script>x</script>", description="a & b")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg


def test_line_chart_plots_each_point_with_its_label_and_value():
    svg = line_chart_svg(
        [("5 Jan", 0), ("12 Jan", 40), ("19 Jan", 1300)], title="Completions", description="Weekly"
    )
    assert svg.count("<circle ") == 3
    assert "<title>19 Jan: 1,300</title>" in svg
    assert "<polyline" in svg


def test_line_chart_with_no_data_still_renders():
    svg = line_chart_svg([], title="Completions", description="No completions yet")
    assert svg.startswith("<svg") and "<circle" not in svg
