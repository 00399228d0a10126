"""Reading the lines of a click in one query each (the approval engine's hot path)."""

from collections import defaultdict

from odoo.tools import SQL


def fetch_one2many(records, fname):
    """Fill the cache of the One2many ``fname`` of ``records`` and of its lines' stored columns
    in one query (Odoo reads the lines' ids, then their fields: two). The same lines, in the
    same order, as the field reads them (its domain, ``active_test`` off, the comodel's order);
    records whose value is cached already are left as they are. Returns the lines of ``records``
    (in ``records``' environment), prefetched together."""
    field = records._fields[fname]
    # (saved records only: a new record's lines are in the cache or read as Odoo reads them)
    missing = records.browse([rid for rid in records.env.cache.get_missing_ids(records, field)
                              if isinstance(rid, int)])
    if missing:
        comodel = records.env[field.comodel_name].with_context(active_test=False, **field.context)
        columns = [name for name, comodel_field in comodel._fields.items()
                   if comodel_field.store and comodel_field.column_type and comodel_field.prefetch is True]
        domain = [*field.get_domain_list(missing), (field.inverse_name, "in", missing.ids)]
        lines = comodel.search_fetch(domain, columns)
        inverse = comodel._fields[field.inverse_name]
        get_id = (lambda line: line[inverse.name].id) if inverse.type == "many2one" else (
            lambda line: line[inverse.name])
        group = defaultdict(list)
        for line in lines:
            group[get_id(line)].append(line.id)
        records.env.cache.insert_missing(missing, field, [tuple(group[rid]) for rid in missing._ids])
    return records[fname]


def fetch_many2many(records, fname, fnames):
    """Fill the cache of the Many2many ``fname`` of ``records`` and of the columns ``fnames`` of
    its lines in one query (Odoo reads the relation, then the lines' fields: two). The same
    lines, in the same order, as the field reads them (its domain, ``active_test`` off, the
    comodel's order and access rules); ``fnames`` are plain columns (not translated); records
    whose value is cached already are left as they are. Returns the lines of ``records``."""
    field = records._fields[fname]
    env = records.env
    missing = records.browse([rid for rid in env.cache.get_missing_ids(records, field) if isinstance(rid, int)])
    if missing:
        comodel = env[field.comodel_name].with_context(active_test=False, **field.context)
        # as Many2many.read builds it, with the lines' columns
        query = comodel._where_calc(field.get_domain_list(missing))
        comodel._apply_ir_rules(query, "read")
        query.order = comodel._order_to_sql(comodel._order, query)
        sql_id1 = SQL.identifier(field.relation, field.column1)
        sql_id2 = SQL.identifier(field.relation, field.column2)
        query.add_join("JOIN", field.relation, None, SQL("%s = %s", sql_id2, SQL.identifier(comodel._table, "id")))
        query.add_where(SQL("%s IN %s", sql_id1, tuple(missing.ids)))
        columns = [comodel._field_to_sql(comodel._table, name, query) for name in fnames]
        group = defaultdict(list)
        values = {}
        for id1, id2, *row in env.execute_query(query.select(sql_id1, sql_id2, *columns)):
            group[id1].append(id2)
            values[id2] = row
        env.cache.insert_missing(missing, field, [tuple(group[rid]) for rid in missing._ids])
        lines = comodel.browse(list(values))
        for index, name in enumerate(fnames):
            env.cache.insert_missing(lines, comodel._fields[name], [values[lid][index] for lid in lines._ids])
    return records[fname]
