"""The change planner: from two revisions of a topology to the steps that move the running estate.

:mod:`.revision_diff` compares the two revisions as models (comments, key order and formatting do not count);
:mod:`.classify` turns each difference into a typed change item that carries its effect on the model, or
refuses it with a located error; :mod:`.order` orders the items by the objects they touch (networkx);
the step modules build each item's steps; :mod:`.change_plan` ties it together and :mod:`.change_runbook` makes the
change runbook. Applying every item's effects to the old model gives the new one (tested).
"""
