# intl_cooperation: run and test the addon against an Odoo 18 source tree.
ODOO_HOME ?= /opt/odoo18
DB ?= intl_demo
PORT ?= 8069
WORKERS ?= 0
PYTHON ?= python3

export ODOO_HOME DB PORT WORKERS PYTHON

.PHONY: run test lint pot prepare kk-pack bench test-core load

## make run: serve database $(DB) with the module, demo data and kk/ru/en on http://localhost:$(PORT)
run:
	@bash scripts/run.sh

## make test: the whole suite on a fresh database; ends with "N passed, N failed"
test:
	@bash scripts/test.sh

## make lint: pylint-odoo and ruff over the addon
lint:
	@bash scripts/lint.sh

## make pot: regenerate i18n/intl_cooperation.pot and merge it into kk.po and ru.po
pot:
	@bash scripts/pot.sh

## make kk-pack: refresh and check the pack of Odoo's own terms (i18n_pack/), reload it into $(DB)
kk-pack:
	@bash scripts/kk_pack.sh

## make bench: ten years of synthetic data on a fresh database, one table of ratios (SCALE=1 SEED=717)
bench:
	@bash scripts/bench.sh

prepare:
	@bash scripts/prepare.sh

## make test-core: Odoo's own suites of what the module extends, with the module installed (CORE=all|fast)
test-core:
	@bash scripts/test_core.sh

## make load: WORKERS=4 (+1 cron) on a demo database under USERS=200 browsers for DURATION=3m (Locust)
load:
	@bash scripts/load.sh
